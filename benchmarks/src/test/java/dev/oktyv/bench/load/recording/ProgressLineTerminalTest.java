package dev.oktyv.bench.load.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressLineTerminalTest {

    @Test
    void aDescriptorLinkedToATerminalDeviceIsATerminalAndAFileIsNot(@TempDir Path dir) throws Exception {
        Path pts = Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3"));
        Path tty = Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"));
        Path log = Files.createSymbolicLink(dir.resolve("log"), dir.resolve("load.log"));
        Path pipe = Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[12345]"));
        assertThat(ProgressLine.stderrIsTerminal(pts)).isTrue();
        assertThat(ProgressLine.stderrIsTerminal(tty)).isTrue();
        assertThat(ProgressLine.stderrIsTerminal(log)).isFalse();
        assertThat(ProgressLine.stderrIsTerminal(pipe)).isFalse();
    }

    @Test
    void underMavenStderrIsAPipeOrFileSoTheLineIsOff() {
        // Surefire captures the forked JVM's stderr; the real /proc/self/fd/2 therefore is no terminal.
        assertThat(ProgressLine.stderrIsTerminal(Path.of("/proc/self/fd/2"))).isFalse();
    }
}
