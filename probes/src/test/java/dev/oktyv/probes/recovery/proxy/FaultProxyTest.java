package dev.oktyv.probes.recovery.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each toxic measured through a real loopback connection, as Toxiproxy's own tests do: the delay, rate and
 * cut-off are what was configured, within a tolerance wide enough for a shared 2-core machine.
 */
@Timeout(20)
class FaultProxyTest {

    private EchoServer echo;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        proxy = FaultProxy.start(echo.address());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void withoutToxicsBytesPassUnchanged() throws IOException {
        try (Socket s = connect()) {
            byte[] sent = payload(10_000);
            s.getOutputStream().write(sent);
            assertThat(readFully(s.getInputStream(), sent.length)).isEqualTo(sent);
        }
    }

    @Test
    void latencyDelaysTheRoundTripByTheConfiguredAmount() throws IOException {
        try (Socket s = connect()) {
            long baseline = roundTripMillis(s);
            proxy.add(LatencyToxic.of(ToxicDirection.DOWNSTREAM, Duration.ofMillis(300)));
            long delayed = roundTripMillis(s);
            assertThat(delayed - baseline).isBetween(280L, 450L);
        }
    }

    @Test
    void latencyJitterStaysWithinItsBounds() throws IOException {
        proxy.add(new LatencyToxic(ToxicDirection.UPSTREAM, 1.0, Duration.ofMillis(150), Duration.ofMillis(100)));
        try (Socket s = connect()) {
            for (int i = 0; i < 5; i++) {
                assertThat(roundTripMillis(s)).isBetween(45L, 320L);
            }
        }
    }

    @Test
    void zeroToxicityMeansNoConnectionGetsTheToxic() throws IOException {
        proxy.add(new LatencyToxic(ToxicDirection.DOWNSTREAM, 0.0, Duration.ofSeconds(2), Duration.ZERO));
        try (Socket s = connect()) {
            assertThat(roundTripMillis(s)).isLessThan(1_000L);
        }
    }

    @Test
    void removingALatencyToxicAtRunTimeRestoresTheSpeed() throws IOException {
        LatencyToxic slow = LatencyToxic.of(ToxicDirection.DOWNSTREAM, Duration.ofMillis(400));
        proxy.add(slow);
        try (Socket s = connect()) {
            assertThat(roundTripMillis(s)).isGreaterThanOrEqualTo(380L);
            proxy.remove(slow);
            assertThat(roundTripMillis(s)).isLessThan(300L);
        }
    }

    @Test
    void bandwidthLimitsTheRate() throws Exception {
        proxy.add(new BandwidthToxic(ToxicDirection.DOWNSTREAM, 1.0, 100));
        int bytes = 60 * 1024;
        try (Socket s = connect()) {
            byte[] sent = payload(bytes);
            long start = System.nanoTime();
            Thread writer = new Thread(() -> {
                try {
                    s.getOutputStream().write(sent);
                } catch (IOException ignored) {
                    // The reader's assertion reports it.
                }
            });
            writer.start();
            byte[] got = readFully(s.getInputStream(), bytes);
            double seconds = (System.nanoTime() - start) / 1e9;
            writer.join();
            assertThat(got).isEqualTo(sent);
            // 60 KB at 100 KB/s = 0.6 s; the last 1/10 s piece's wait is taken after delivery, hence the low end.
            assertThat(seconds).isBetween(0.45, 0.9);
        }
    }

    @Test
    void timeoutBlackHolesThenClosesAfterTheConfiguredTime() throws IOException {
        try (Socket s = connect()) {
            proxy.add(new TimeoutToxic(ToxicDirection.UPSTREAM, 1.0, Duration.ofMillis(400)));
            long start = System.nanoTime();
            s.getOutputStream().write(payload(10));
            int first = s.getInputStream().read();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(first).as("nothing echoed, then end of stream").isEqualTo(-1);
            assertThat(millis).isBetween(350L, 700L);
        }
    }

    @Test
    void timeoutZeroHoldsTheConnectionOpenAndSilentUntilRemoved() throws IOException {
        TimeoutToxic hole = new TimeoutToxic(ToxicDirection.DOWNSTREAM, 1.0, Duration.ZERO);
        try (Socket s = connect()) {
            proxy.add(hole);
            s.setSoTimeout(300);
            s.getOutputStream().write(payload(10));
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(java.net.SocketTimeoutException.class);
            proxy.remove(hole);
            s.setSoTimeout(2_000);
            byte[] again = payload(5);
            s.getOutputStream().write(again);
            assertThat(readFully(s.getInputStream(), 5)).as("dropped bytes are not delivered late").isEqualTo(again);
        }
    }

    @Test
    void resetPeerResetsTheConnectionAfterTheTimeout() throws IOException {
        try (Socket s = connect()) {
            long start = System.nanoTime();
            proxy.add(new ResetPeerToxic(ToxicDirection.DOWNSTREAM, 1.0, Duration.ofMillis(300)));
            assertThatThrownBy(() -> s.getInputStream().read())
                    .isInstanceOf(SocketException.class).hasMessageContaining("reset");
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 700L);
        }
    }

    @Test
    void slicerDeliversEverythingInDelayedPieces() throws IOException {
        proxy.add(new SlicerToxic(ToxicDirection.DOWNSTREAM, 1.0, 100, 20, Duration.ofMillis(20)));
        try (Socket s = connect()) {
            byte[] sent = payload(1_000);
            long start = System.nanoTime();
            s.getOutputStream().write(sent);
            assertThat(readFully(s.getInputStream(), sent.length)).isEqualTo(sent);
            // 1,000 bytes in pieces of at most 120 bytes: at least 8 pieces, 7 delays of 20 ms.
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(140L);
        }
    }

    @Test
    void limitDataDeliversExactlyTheLimitThenCloses() throws IOException {
        proxy.add(new LimitDataToxic(ToxicDirection.DOWNSTREAM, 1.0, 1_500));
        try (Socket s = connect()) {
            s.getOutputStream().write(payload(4_000));
            byte[] got = s.getInputStream().readAllBytes();
            assertThat(got).hasSize(1_500).isEqualTo(Arrays.copyOf(payload(4_000), 1_500));
        }
    }

    @Test
    void downClosesOpenConnectionsRefusesNewOnesAndComesBackOnTheSamePort() throws IOException {
        try (Socket open = connect()) {
            DownToxic down = new DownToxic();
            proxy.add(down);
            assertThat(closedByPeer(open)).as("open connection closed").isTrue();
            assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
            proxy.remove(down);
        }
        try (Socket again = connect()) {
            assertThat(roundTripMillis(again)).isLessThan(1_000L);
        }
    }

    @Test
    void attributesAreValidatedWithTheBadValue() {
        assertThatThrownBy(() -> new LatencyToxic(ToxicDirection.UPSTREAM, 1.5, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("toxicity").hasMessageContaining("1.5");
        assertThatThrownBy(() -> new BandwidthToxic(ToxicDirection.UPSTREAM, 1, 0))
                .hasMessageContaining("rateKilobytesPerSecond").hasMessageContaining("0");
        assertThatThrownBy(() -> new SlicerToxic(ToxicDirection.UPSTREAM, 1, 10, 10, Duration.ZERO))
                .hasMessageContaining("sizeVariation");
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(proxy.address().getAddress(), proxy.port());
        s.setTcpNoDelay(true);
        s.setSoTimeout(5_000);
        return s;
    }

    /**
     * Whether the peer closed the connection: an orderly EOF or a reset both count (which one arrives depends on
     * whether the proxy's side still held unread bytes when it closed); a time-out means it is still open.
     */
    private static boolean closedByPeer(Socket s) throws IOException {
        try {
            return s.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private static long roundTripMillis(Socket s) throws IOException {
        long start = System.nanoTime();
        s.getOutputStream().write(42);
        assertThat(s.getInputStream().read()).isEqualTo(42);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        return in.readNBytes(n);
    }

    private static byte[] payload(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }
}
