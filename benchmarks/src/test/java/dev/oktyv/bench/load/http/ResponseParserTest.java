package dev.oktyv.bench.load.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseParserTest {

    private static final String TWO = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
            + "HTTP/1.1 503 Busy\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nX-T: 1\r\n\r\n";

    /** Feeds the bytes in slices of {@code slice} (1 = byte by byte, as a slow network would deliver them). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 64, 4096})
    void findsTheEndOfEachResponseWhateverTheSlicing(int slice) throws IOException {
        ResponseParser p = new ResponseParser(false);
        byte[] bytes = ResponseParser.ascii(TWO);
        int[] statuses = new int[2];
        int done = 0;
        int pos = 0;
        while (pos < bytes.length) {
            int n = Math.min(slice, bytes.length - pos);
            ByteBuffer in = ByteBuffer.wrap(bytes, pos, n);
            while (in.hasRemaining()) {
                if (p.feed(in)) {
                    statuses[done++] = p.status();
                    p.reset();
                }
            }
            pos += n;
        }
        assertThat(done).isEqualTo(2);
        assertThat(statuses).containsExactly(200, 503);
    }

    @Test
    void closeDelimitedBodyEndsAtEndOfStream() throws IOException {
        ResponseParser p = new ResponseParser(false);
        assertThat(p.feed(ByteBuffer.wrap(ResponseParser.ascii("HTTP/1.0 200 OK\r\n\r\nsome body")))).isFalse();
        assertThat(p.onEndOfStream()).isTrue();
        assertThat(p.closeAfter()).isTrue();
        ResponseParser cut = new ResponseParser(false);
        cut.feed(ByteBuffer.wrap(ResponseParser.ascii("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc")));
        assertThat(cut.onEndOfStream()).isFalse();
    }

    @Test
    void headAnd204HaveNoBodyAndGarbageIsAnError() throws IOException {
        ResponseParser head = new ResponseParser(true);
        assertThat(head.feed(ByteBuffer.wrap(ResponseParser.ascii("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"))))
                .isTrue();
        ResponseParser noContent = new ResponseParser(false);
        assertThat(noContent.feed(ByteBuffer.wrap(ResponseParser.ascii("HTTP/1.1 204 No Content\r\n\r\n")))).isTrue();
        assertThatThrownBy(() -> new ResponseParser(false).feed(ByteBuffer.wrap(ResponseParser.ascii("SSH-2.0\r\n"))))
                .isInstanceOf(IOException.class).hasMessageContaining("not an HTTP/1.x status line");
    }
}
