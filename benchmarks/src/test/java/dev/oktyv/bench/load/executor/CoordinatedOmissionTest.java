package dev.oktyv.bench.load.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.http.HttpRequestSpec;
import dev.oktyv.bench.load.http.HttpScenario;
import dev.oktyv.bench.load.recording.IntervalLog;
import dev.oktyv.bench.load.recording.ProgressLine;
import dev.oktyv.bench.load.schedule.ArrivalSchedule;
import dev.oktyv.bench.load.testing.LoopbackHttpServer;
import dev.oktyv.bench.load.testing.SimulatedStallScenario;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.LoadSummaryJson;
import dev.oktyv.system.time.ManualTime;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The measurement itself: a target that stalls 100 ms once a second, driven at a constant rate. */
class CoordinatedOmissionTest {

    private static final ProgressLine SILENT = new ProgressLine(new PrintStream(PrintStream.nullOutputStream()), false);

    @TempDir
    Path dir;

    /*
     * Expected values, simulated target (exact time):
     * rate 200/s -> one arrival every 5 ms; one worker; service 0.2 ms; every 200th operation (once a second)
     * stalls 100 ms more, so it takes 100.2 ms. The 20 arrivals due during the stall queue behind it and then
     * run back to back: the j-th (j = 1..20) was intended 5j ms after the stalled one and ends 100.2 + 0.2j ms
     * after it, so its corrected latency is 100.2 - 4.8j ms: 95.4, 90.6, 85.8, ..., 4.2 ms.
     * 10 s -> 2000 operations: 10 x 100.2, 10 x 95.4, 10 x 90.6, ..., and 1790 x 0.2 ms.
     * p99 = the value at ascending rank 0.99 x 2000 = 1980, i.e. the 21st largest = 90.6 ms (the 20 above it are
     * the ten 100.2 and the ten 95.4). Service time (from the actual start) only sees the stalled operations
     * themselves: 10 of 2000 = 0.5% < 1%, so its p99 is the plain 0.2 ms.
     */
    private static final double EXPECTED_CORRECTED_P99_MS = 90.6;
    private static final double EXPECTED_SERVICE_P99_MS = 0.2;

    @Test
    void simulatedStallGivesTheAnalyticCorrectedP99AndAFarLowerServiceP99() throws Exception {
        ManualTime time = new ManualTime();
        var target = new SimulatedStallScenario(time, Duration.ofNanos(200_000), Duration.ofMillis(100), 200);
        LoadModel model = new LoadModel.Open(ArrivalSchedule.constant(200, Duration.ofSeconds(10), Duration.ZERO), 1, 64);

        LoadSummary s = new ScenarioRunner(Pacer.of(time, time), time.clock(), SILENT)
                .run(target, model, List.of(), dir).summary();

        assertThat(s.totals().total()).isEqualTo(2000);
        assertThat(s.rates().dropped()).isZero();
        assertThat(s.corrected().p99Micros() / 1e3).isCloseTo(EXPECTED_CORRECTED_P99_MS,
                within(EXPECTED_CORRECTED_P99_MS * 0.15));
        assertThat(s.uncorrected().p99Micros() / 1e3).isCloseTo(EXPECTED_SERVICE_P99_MS, within(0.01));
        assertThat(s.corrected().maxMicros() / 1e3).isCloseTo(100.2, within(0.2));
        assertThat(s.uncorrected().maxMicros() / 1e3).isCloseTo(100.2, within(0.2));
    }

    @Test
    void withKsSemanticsTheArrivalsDuringTheStallAreDroppedAndCounted() throws Exception {
        // maxInFlight == workers == 1: nothing may wait. Arrival k is due at 5(k+1) ms; arrival 0 stalls until
        // 105.2 ms, when 21 arrivals (0..20) are due: 1..19 are dropped and 20 (due at 105 ms) runs at once.
        ManualTime time = new ManualTime();
        var target = new SimulatedStallScenario(time, Duration.ofNanos(200_000), Duration.ofMillis(100), 1_000_000);
        LoadModel model = new LoadModel.Open(ArrivalSchedule.constant(200, Duration.ofSeconds(1), Duration.ZERO), 1, 1);

        LoadSummary s = new ScenarioRunner(Pacer.of(time, time), time.clock(), SILENT)
                .run(target, model, List.of(), dir).summary();

        assertThat(s.rates().dropped()).isEqualTo(19);
        assertThat(s.totals().total()).isEqualTo(200 - 19);
    }

    @Test
    void closedModelIsCompensatedAgainstItsIntendedRateOnlyWhenOneIsGiven() throws Exception {
        ManualTime time = new ManualTime();
        var target = new SimulatedStallScenario(time, Duration.ofNanos(200_000), Duration.ofMillis(100), 200);
        // One worker meant to do 200/s is the same schedule as the open test above: same corrected p99.
        LoadModel compensated = new LoadModel.Closed(1, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(10), OptionalDouble.of(200));
        LoadSummary s = new ScenarioRunner(Pacer.of(time, time), time.clock(), SILENT)
                .run(target, compensated, List.of(), dir.resolve("a")).summary();
        assertThat(s.corrected().p99Micros() / 1e3).isCloseTo(EXPECTED_CORRECTED_P99_MS,
                within(EXPECTED_CORRECTED_P99_MS * 0.15));
        assertThat(s.uncorrected().p99Micros() / 1e3).isLessThan(1.0);

        LoadModel plain = new LoadModel.Closed(1, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), OptionalDouble.empty());
        LoadSummary p = new ScenarioRunner(Pacer.of(time, time), time.clock(), SILENT)
                .run(target, plain, List.of(), dir.resolve("b")).summary();
        assertThat(p.corrected().applicable()).isFalse();
        assertThat(p.corrected().p99Micros()).isNaN();
        assertThat(p.uncorrected().count()).isPositive();
    }

    /*
     * The same shape over a real loopback socket with the real clock: 200/s on one connection for 3 s after a 1 s
     * warm-up (the first connection and the cold JIT are slow, and CO correction rightly charges that to the
     * requests queued behind them, which is what --warmup is for), the
     * server stalling its first request of every second by 100 ms. Expected corrected p99 as above, ~90 ms (85 ms
     * if only two stalls fall into the 3 s window, 95 ms with four). The tolerance is wide (50..1000 ms): on a shared
     * 2-core machine at load average 15-30 the server's 100 ms sleep itself overshoots and the OS adds pauses of
     * its own (runs outside 60..130 ms seen about once in ten, one at 358 ms while three builds shared the cores),
     * and the corrected figure rightly charges them to every request queued behind. So the upper bound here only
     * catches a unit or accounting error (a 10x overcount), not scheduling noise. The exact +-15% check is the simulated test above. Service p99 must stay far
     * below: only 1 request in 200 is slow.
     */
    @Test
    @Timeout(30)
    void realSocketStallAndTheIntervalLogAddsUpToTheWholeRun() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(0,
                LoopbackHttpServer.stallOncePerSecond(Duration.ofMillis(100).toNanos()))) {
            var http = new HttpScenario(new HttpRequestSpec(URI.create(server.url()), "GET", List.of(), null,
                    Duration.ofSeconds(5)), 1);
            LoadModel model = new LoadModel.Open(ArrivalSchedule.constant(200, Duration.ofSeconds(3), Duration.ofSeconds(1)), 1, 200);
            ScenarioRunner.Result r = new ScenarioRunner(Pacer.SYSTEM, Clock.systemUTC(), SILENT)
                    .run(http, model, List.of(), dir);
            LoadSummary s = r.summary();

            String context = LoadSummaryJson.write(s);
            assertThat(s.totals().failed()).as(context).isZero();
            assertThat(s.corrected().p99Micros() / 1e3).as(context).isBetween(50.0, 1000.0);
            assertThat(s.uncorrected().p99Micros()).as(context).isLessThan(s.corrected().p99Micros() / 3);

            // Interval histograms read back from latency.hlog, added up, equal the whole run: same count as the
            // independent ok counter, same percentiles as summary.json.
            Histogram corrected = new Histogram(3);
            Histogram service = new Histogram(3);
            int intervals = 0;
            HistogramLogReader reader = new HistogramLogReader(dir.resolve(dev.oktyv.results.load.LoadFolder.LATENCY_HLOG).toFile());
            for (EncodableHistogram e = reader.nextIntervalHistogram(); e != null; e = reader.nextIntervalHistogram()) {
                Histogram h = (Histogram) e;
                (IntervalLog.CORRECTED.equals(h.getTag()) ? corrected : service).add(h);
                intervals++;
            }
            assertThat(intervals).as(context).isGreaterThanOrEqualTo(2 * 3);
            assertThat(corrected.getTotalCount()).isEqualTo(s.totals().ok()).isEqualTo(r.corrected().getTotalCount());
            assertThat(service.getTotalCount()).isEqualTo(s.totals().ok());
            assertThat(corrected.getValueAtPercentile(99) / 1e3).isEqualTo(s.corrected().p99Micros());
            assertThat(corrected.getValueAtPercentile(99.9) / 1e3).isEqualTo(s.corrected().p999Micros());
            assertThat(service.getValueAtPercentile(50) / 1e3).isEqualTo(s.uncorrected().p50Micros());
            assertThat(corrected.getMaxValue() / 1e3).isEqualTo(s.corrected().maxMicros());
            assertThat(corrected).isEqualTo(r.corrected());

            LoadSummary fromFile = LoadSummaryJson.read(Files.readString(dir.resolve("summary.json"),
                    StandardCharsets.UTF_8));
            assertThat(fromFile.totals()).isEqualTo(s.totals());
            assertThat(fromFile.corrected().p99Micros()).isCloseTo(s.corrected().p99Micros(), within(0.001));
        }
    }
}
