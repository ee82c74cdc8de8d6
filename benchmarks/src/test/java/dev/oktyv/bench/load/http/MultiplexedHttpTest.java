package dev.oktyv.bench.load.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.executor.Pacer;
import dev.oktyv.bench.load.recording.ProgressLine;
import dev.oktyv.bench.load.testing.LoopbackHttpServer;
import dev.oktyv.results.load.FailureKind;
import dev.oktyv.results.load.LoadSummary;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The event-loop path of the HTTP target (closed model at maximum rate). */
class MultiplexedHttpTest {

    private static final ProgressLine SILENT = new ProgressLine(new PrintStream(PrintStream.nullOutputStream()), false);

    @TempDir
    Path dir;

    private static LoadModel closed(int connections, Duration warmup, Duration measured) {
        return new LoadModel.Closed(connections, Duration.ZERO, Duration.ZERO, warmup, measured, OptionalDouble.empty());
    }

    private static HttpScenario http(String url, int connections) {
        return new HttpScenario(new HttpRequestSpec(URI.create(url), "GET", List.of(), null, Duration.ofSeconds(2)),
                connections);
    }

    @Test
    @Timeout(20)
    void everyRequestTheServerSawIsCountedOnceAsWarmupOrMeasured() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            HttpScenario s = http(server.url(), 5);
            LoadModel model = closed(5, Duration.ofMillis(300), Duration.ofMillis(700));
            assertThat(s.drives(model)).isTrue();
            LoadSummary r = new ScenarioRunner(Pacer.SYSTEM, Clock.systemUTC(), SILENT).run(s, model, List.of(), dir)
                    .summary();
            assertThat(r.totals().failed()).isZero();
            assertThat(r.totals().total()).isPositive();
            assertThat(r.totals().total() + r.totals().warmupOperations()).isEqualTo(server.requests());
            assertThat(r.uncorrected().count()).isEqualTo(r.totals().ok());
            assertThat(r.corrected().applicable()).isFalse();
        }
    }

    @Test
    @Timeout(20)
    void refusedConnectionsAreCountedByKindWithoutHanging() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        LoadSummary r = new ScenarioRunner(Pacer.SYSTEM, Clock.systemUTC(), SILENT)
                .run(http("http://127.0.0.1:" + port + "/", 3), closed(3, Duration.ZERO, Duration.ofMillis(500)),
                        List.of(), dir).summary();
        assertThat(r.totals().ok()).isZero();
        assertThat(r.totals().failedByKind()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.EXCEPTION);
            assertThat(f.detail()).isEqualTo("java.net.ConnectException");
            assertThat(f.count()).isEqualTo(r.totals().failed()).isPositive();
        });
    }

    @Test
    void onlyTheMaximumRateClosedModelIsMultiplexed() {
        HttpScenario s = http("http://127.0.0.1:9/", 2);
        assertThat(s.drives(new LoadModel.Closed(2, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
                OptionalDouble.of(100)))).isFalse();
        assertThat(s.drives(new LoadModel.Closed(2, Duration.ofMillis(5), Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), OptionalDouble.empty()))).isFalse();
        assertThat(http("https://127.0.0.1:9/", 2).drives(closed(2, Duration.ZERO, Duration.ofSeconds(1)))).isFalse();
    }
}
