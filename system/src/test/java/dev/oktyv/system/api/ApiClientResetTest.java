package dev.oktyv.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.time.ManualTime;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server that reads the request and answers with a TCP reset (SO_LINGER 0), over loopback http. */
class ApiClientResetTest {

    private ServerSocket socket;
    private Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    connections.incrementAndGet();
                    s.setSoTimeout(2000);
                    InputStream in = s.getInputStream();
                    byte[] buffer = new byte[4096];
                    in.read(buffer);
                    s.setSoLinger(true, 0);
                } catch (IOException e) {
                    // closed by the test
                }
            }
        }, "reset-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws Exception {
        socket.close();
        acceptor.join(2000);
    }

    private ApiClient client(ManualTime time) {
        return new ApiClient(ApiClientConfig.builder()
                .allowLoopbackHttp(true)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 0, Duration.ofSeconds(5)))
                .time(time.clock(), time, time)
                .build());
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/reset");
    }

    @Test
    void getIsRetriedOnConnectionReset() {
        ManualTime time = new ManualTime();
        assertThatThrownBy(() -> client(time).send(ApiRequest.get(uri())))
                .isInstanceOfSatisfying(ApiTransportException.class, e -> {
                    assertThat(e.failure()).isEqualTo(TransportFailure.CONNECTION_RESET);
                    assertThat(e.attempts()).isEqualTo(3);
                });
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(connections.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void postIsNotRetriedOnConnectionReset() {
        ManualTime time = new ManualTime();
        assertThatThrownBy(() -> client(time).send(ApiRequest.of(HttpMethod.POST, uri(), new byte[] {1})))
                .isInstanceOfSatisfying(ApiTransportException.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void classifiesConnectTimeoutsAsRetryable() {
        assertThat(TransportFailure.classify(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo(TransportFailure.CONNECT_TIMEOUT);
        assertThat(TransportFailure.classify(new IOException("wrapped", new java.net.SocketException("Connection reset"))))
                .isEqualTo(TransportFailure.CONNECTION_RESET);
        assertThat(TransportFailure.classify(new IOException("certificate unknown")))
                .isEqualTo(TransportFailure.OTHER);
        assertThat(TransportFailure.OTHER.retryable()).isFalse();
    }
}
