package dev.oktyv.system.files.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.oktyv.system.files.FileStoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Throttling and hanging servers, played by a loopback HTTP server (s3rver never throttles or hangs): a SlowDown
 * answer is retried until the call succeeds, and a server that never answers is cut off by the attempt and call
 * timeouts instead of blocking the caller.
 */
class S3RetryAndTimeoutTest {

    private static final byte[] SLOW_DOWN = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
            + "<Message>Please reduce your request rate.</Message></Error>").getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-s3");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", handler);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static S3StoreConfig.Builder config(URI endpoint) {
        return S3StoreConfig.builder().endpoint(endpoint).allowPlainHttpLoopback(true).pathStyle(true)
                .bucket("b-1").prefix("p").accessKeyId("vault:test/s3-access-key")
                .secretAccessKey("vault:test/s3-secret-key");
    }

    private static void answer(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getRequestBody().readAllBytes();
        ex.getResponseHeaders().set("ETag", "\"0\"");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    @Test
    void throttlingIsRetriedUntilTheWriteSucceeds() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        URI endpoint = serve(ex -> {
            int n = requests.incrementAndGet();
            answer(ex, n <= 2 ? 503 : 200, n <= 2 ? SLOW_DOWN : new byte[0]);
        });
        try (S3FileStore store = new S3FileStore(config(endpoint).maxAttempts(3).build(),
                S3FileStoreContractTest.VAULT)) {
            store.write("f.txt", new byte[] {1, 2, 3});
        }
        assertThat(requests.get()).as("two throttled attempts, then the one that succeeded").isEqualTo(3);
    }

    @Test
    void throttlingBeyondTheAttemptLimitFailsNamingS3sCode() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        URI endpoint = serve(ex -> {
            requests.incrementAndGet();
            answer(ex, 503, SLOW_DOWN);
        });
        try (S3FileStore store = new S3FileStore(config(endpoint).maxAttempts(2).build(),
                S3FileStoreContractTest.VAULT)) {
            assertThatThrownBy(() -> store.write("f.txt", new byte[] {1}))
                    .isInstanceOf(FileStoreException.class).hasMessage("write 'f.txt' failed: S3 503 SlowDown");
        }
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void aServerThatNeverAnswersIsCutOffByTheTimeouts() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        URI endpoint = serve(ex -> {
            requests.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        try (S3FileStore store = new S3FileStore(config(endpoint).maxAttempts(2)
                .timeouts(Duration.ofSeconds(3), Duration.ofMillis(500)).build(), S3FileStoreContractTest.VAULT)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> store.read("f.txt")).isInstanceOf(FileStoreException.class)
                    .hasMessageStartingWith("read 'f.txt' failed: ").hasMessageContaining("Timeout");
            // Generous bound: the point is that the call ends on its own, long before the server would answer.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
        assertThat(requests.get()).isBetween(1, 2);
    }
}
