package dev.oktyv.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WriterOutputStreamTest {

    @Test
    void keepsMultiByteCharactersSplitAcrossWrites() {
        StringWriter sw = new StringWriter();
        WriterOutputStream out = new WriterOutputStream(new PrintWriter(sw));
        byte[] bytes = "Score ± Error ≈ 1 µs".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            out.write(b);
        }
        out.flush();
        assertThat(sw).hasToString("Score ± Error ≈ 1 µs");
    }

    @Test
    void handlesWritesLargerThanItsBuffer() {
        StringWriter sw = new StringWriter();
        WriterOutputStream out = new WriterOutputStream(new PrintWriter(sw));
        String big = "ä".repeat(10_000);
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        out.flush();
        assertThat(sw.toString()).isEqualTo(big);
    }
}
