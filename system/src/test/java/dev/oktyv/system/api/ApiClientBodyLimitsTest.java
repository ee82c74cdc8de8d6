package dev.oktyv.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hostile or broken server: a body far larger than the caller can hold, and a body that never finishes. The
 * client must refuse the first at its configured limit (not run out of memory) and give up on the second at its
 * request timeout, closing the exchange, rather than wait as long as the server cares to dribble.
 */
class ApiClientBodyLimitsTest {

    private static final int LIMIT = 64 * 1024;

    private ServerSocket socket;
    private Thread server;
    /** Counted down when the server sees the client close the connection (the exchange was cancelled). */
    private final CountDownLatch clientClosed = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        if (socket != null) {
            socket.close();
            server.join(2000);
        }
    }

    /** Answers one connection: reads the request head, writes {@code head}, then {@code bodyBytes} zeros. */
    private URI serve(String head, long bodyBytes) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server = new Thread(() -> {
            try (Socket s = socket.accept()) {
                InputStream in = s.getInputStream();
                in.read(new byte[8192]);
                OutputStream out = s.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                byte[] zeros = new byte[8192];
                for (long sent = 0; sent < bodyBytes; sent += zeros.length) {
                    out.write(zeros, 0, (int) Math.min(zeros.length, bodyBytes - sent));
                }
                out.flush();
                // Hold the connection open until the client closes it; a read of -1 or a reset says it did.
                s.setSoTimeout(20_000);
                while (in.read() >= 0) {
                    // ignore anything else the client sends
                }
                clientClosed.countDown();
            } catch (IOException e) {
                clientClosed.countDown(); // a reset by the client also means it closed
            }
        }, "body-limit-server");
        server.setDaemon(true);
        server.start();
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/body");
    }

    private static ApiClient client(Duration requestTimeout) {
        return new ApiClient(ApiClientConfig.builder()
                .allowLoopbackHttp(true)
                .connectTimeout(Duration.ofMillis(200))
                .requestTimeout(requestTimeout)
                .maxResponseBytes(LIMIT)
                .retryPolicy(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), 0, Duration.ofSeconds(1)))
                .build());
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedNamingTheLimit() throws Exception {
        URI uri = serve("HTTP/1.1 200 OK\r\nContent-Length: 4194304\r\n\r\n", 4L << 20);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> client(Duration.ofSeconds(10)).send(ApiRequest.get(uri)))
                        .isInstanceOf(ResponseTooLargeException.class)
                        .hasMessageContaining("65536").hasMessageContaining("maxResponseBytes"));
    }

    @Test
    void anUndeclaredBodyOverTheLimitIsRefusedWhileItArrives() throws Exception {
        // No Content-Length: the body ends when the server closes; only counting the bytes can stop it.
        URI uri = serve("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", 4L << 20);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> client(Duration.ofSeconds(10)).send(ApiRequest.get(uri)))
                    .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("65536");
            assertThat(clientClosed.await(10, TimeUnit.SECONDS)).as("the client closed the connection").isTrue();
        });
    }

    @Test
    void aBodyWithinTheLimitIsReturned() throws Exception {
        URI uri = serve("HTTP/1.1 200 OK\r\nContent-Length: 65536\r\n\r\n", LIMIT);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThat(client(Duration.ofSeconds(10)).send(ApiRequest.get(uri)).body()).hasSize(LIMIT));
    }

    @Test
    void theRequestTimeoutCoversTheBodyAndCancelsTheExchange() throws Exception {
        // Headers at once, then 1 byte of the 1000 announced, then nothing: the server holds the call open.
        URI uri = serve("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", 1);
        assertA500msDeadlineFailsAndCancels(uri);
    }

    @Test
    void theRequestTimeoutCoversAServerThatNeverAnswers() throws Exception {
        // Request read, no status line ever: HttpClient's own timeout covers this phase of the same deadline.
        URI uri = serve("", 0);
        assertA500msDeadlineFailsAndCancels(uri);
    }

    @Test
    void aTransportRequestWithoutTimeoutGetsTheConfiguredDeadlineForTheBody() throws Exception {
        // The transport is public: a caller's HttpRequest without timeout must not wait for a body forever. Headers,
        // then not one byte of the body: the deadline must hold before any body data arrives, too.
        URI uri = serve("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", 0);
        JdkHttpTransport transport = new JdkHttpTransport(ApiClientConfig.builder().allowLoopbackHttp(true)
                .connectTimeout(Duration.ofMillis(200))
                .requestTimeout(Duration.ofMillis(500)).maxResponseBytes(LIMIT).build());
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> transport.send(java.net.http.HttpRequest.newBuilder(uri).build()))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class)
                    .hasMessageContaining("body included");
            assertThat(clientClosed.await(10, TimeUnit.SECONDS)).as("the exchange was cancelled").isTrue();
        });
    }

    /** A client with a 500 ms request timeout fails with TIMEOUT well before 8 s and closes the connection. */
    private void assertA500msDeadlineFailsAndCancels(URI uri) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client(Duration.ofMillis(500)).send(ApiRequest.get(uri)))
                    .isInstanceOf(ApiTransportException.class)
                    .hasMessageContaining("TIMEOUT");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            assertThat(clientClosed.await(10, TimeUnit.SECONDS)).as("the exchange was cancelled").isTrue();
        });
    }
}
