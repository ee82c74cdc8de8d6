package dev.oktyv.bench.load.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.results.load.FailureKind;
import com.sun.management.ThreadMXBean;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class Http1ConnectionTest {

    /** Serves the canned responses in turn on one connection, recording the number of connections accepted. */
    private static ServerSocket scripted(AtomicInteger connections, String... responses) throws Exception {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            int next = 0;
            while (next < responses.length) {
                try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    connections.incrementAndGet();
                    byte[] buf = new byte[4096];
                    while (next < responses.length) {
                        int n = in.read(buf);
                        if (n < 0) {
                            break;
                        }
                        String r = responses[next++];
                        out.write(r.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        if (r.contains("Connection: close")) {
                            break;
                        }
                    }
                } catch (Exception e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static HttpRequestSpec spec(int port, Duration timeout) {
        return new HttpRequestSpec(URI.create("http://127.0.0.1:" + port + "/p?q=1"), "GET",
                List.of(HttpRequestSpec.Header.parse("X-Test: 1")), null, timeout);
    }

    @Test
    @Timeout(10)
    void keepsTheConnectionAcrossLengthChunkedAndErrorResponsesAndReconnectsAfterClose() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = scripted(connections,
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n",
                "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno",
                "HTTP/1.1 204 No Content\r\n\r\n");
             Http1Connection c = new Http1Connection(spec(server.getLocalPort(), Duration.ofSeconds(5)))) {
            assertThat(c.exchange()).isEqualTo(Outcome.OK);
            assertThat(c.exchange()).isEqualTo(Outcome.OK);
            assertThat(c.exchange()).isEqualTo(new Outcome(FailureKind.HTTP_STATUS, "5xx"));
            assertThat(c.exchange()).isEqualTo(new Outcome(FailureKind.HTTP_STATUS, "4xx"));
            assertThat(c.exchange()).isEqualTo(Outcome.OK);
            assertThat(connections.get()).isEqualTo(2);
        }
    }

    @Test
    @Timeout(10)
    void aSilentServerIsATimeoutNotAHang() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Http1Connection c = new Http1Connection(spec(silent.getLocalPort(), Duration.ofMillis(200)))) {
            assertThatThrownBy(c::exchange).isInstanceOf(SocketTimeoutException.class)
                    .satisfies(e -> assertThat(Outcome.of(e)).isEqualTo(Outcome.timeout("read timeout 200ms")));
        }
    }

    @Test
    @Timeout(10)
    void headerNamesMatchIgnoringCaseAndSpacesAndOnlyExactly() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = scripted(connections,
                "HTTP/1.1 200 OK\r\nContent-Length-Extra: 99\r\ncontent-LENGTH : 5\r\n\r\nhello",
                "HTTP/1.1 200 OK\r\nCONNECTION:\tClose\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 2x0 OK\r\n\r\n");
             Http1Connection c = new Http1Connection(spec(server.getLocalPort(), Duration.ofSeconds(5)))) {
            assertThat(c.exchange()).isEqualTo(Outcome.OK);
            assertThat(c.exchange()).isEqualTo(Outcome.OK);
            assertThat(connections.get()).isEqualTo(1);
            assertThatThrownBy(c::exchange).hasMessage("not an HTTP/1.x status code: 2x0");
            assertThat(connections.get()).isEqualTo(2); // the Connection: close was honoured
        }
    }

    /**
     * The generator must not be what it measures: its per-request garbage once came from a String per response
     * line (~1 KB per /health) and its GC pauses then appeared as the service's tail.
     */
    @Test
    @Timeout(30)
    void aKeepAliveExchangeAllocatesAlmostNothing() throws Exception {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        String body = "{\"status\":\"UP\"}";
        String head = "HTTP/1.1 200 OK\r\nDate: Thu, 03 Dec 2026 17:52:33 GMT\r\n"
                + "Content-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n"
                + "Cache-Control: no-store\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        int warm = 20_000;
        int measured = 5_000;
        String[] responses = new String[warm + measured];
        java.util.Arrays.fill(responses, head);
        try (ServerSocket server = scripted(new AtomicInteger(), responses);
             Http1Connection c = new Http1Connection(spec(server.getLocalPort(), Duration.ofSeconds(5)))) {
            for (int i = 0; i < warm; i++) {
                c.exchange();
            }
            long tid = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < measured; i++) {
                assertThat(c.exchange()).isSameAs(Outcome.OK);
            }
            long perExchange = (threads.getThreadAllocatedBytes(tid) - before) / measured;
            // With a String per line (six headers) the generator allocated ~1 KB per exchange (JFR, 15,000/s);
            // what is left, ~256 bytes on JDK 17, is the blocking socket's own per-call cost.
            assertThat(perExchange).isLessThan(400);
        }
    }

    @Test
    void encodesTheRequestOnceWithHostAndLength() {
        HttpRequestSpec s = new HttpRequestSpec(URI.create("http://localhost:8080/a/b?c=d"), "POST",
                List.of(HttpRequestSpec.Header.parse("Content-Type: application/json")),
                "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(1));
        assertThat(new String(s.encode(), StandardCharsets.ISO_8859_1)).isEqualTo("POST /a/b?c=d HTTP/1.1\r\n"
                + "Host: localhost:8080\r\nUser-Agent: oktyv-bench\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}");
        assertThat(s.toString()).isEqualTo("POST http://localhost:8080/a/b");
        assertThatThrownBy(() -> HttpRequestSpec.Header.parse("novalue")).hasMessageContaining("'novalue'");
        assertThatThrownBy(() -> new HttpRequestSpec(URI.create("ftp://x/"), "GET", List.of(), null,
                Duration.ofSeconds(1))).hasMessageContaining("http://");
    }
}
