package dev.oktyv.bench.load.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.recording.IntervalLog;
import dev.oktyv.bench.load.recording.ProgressLine;
import dev.oktyv.bench.load.testing.SimulatedStallScenario;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.LoadSummaryJson;
import dev.oktyv.system.time.ManualTime;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closed model without --rate: the intended rate is the one its workers sustained during the warm-up. */
class WarmupDerivedRateTest {

    private static final ProgressLine SILENT = new ProgressLine(new PrintStream(PrintStream.nullOutputStream()), false);

    @TempDir
    Path dir;

    private static LoadModel.Closed closed(Duration think, Duration warmup, Duration measured) {
        return new LoadModel.Closed(1, think, Duration.ZERO, warmup, measured, OptionalDouble.empty());
    }

    private LoadSummary run(SimulatedStallScenario target, LoadModel model, ManualTime time, String sub)
            throws Exception {
        return new ScenarioRunner(Pacer.of(time, time), time.clock(), SILENT)
                .run(target, model, List.of(), dir.resolve(sub)).summary();
    }

    /*
     * Expected values: one worker, 0.2 ms service + 4.8 ms think. Warm-up 1 s: operations at 0, 5, ..., 995 ms
     * = 200 cycles of exactly 5 ms, so the derived rate is 200/s (one start every 5 ms from the warm-up's end).
     * The stalls (+100 ms) start with the first measured operation and recur every 200 operations (once a
     * second): the same schedule and stalls as CoordinatedOmissionTest's open model, so the same numbers. The 20
     * starts due during a stall queue behind it and run back to back (think time is implied by the schedule), the
     * j-th with corrected latency 100.2 - 4.8j ms; 10 s -> 2000 operations, p99 = 21st largest = 90.6 ms.
     * The service time only sees the 10 stalled operations (0.5%): p99 0.2 ms.
     */
    @Test
    void derivedRateCompensatesAStallInTheMeasuredPhaseLikeTheOpenModel() throws Exception {
        ManualTime time = new ManualTime();
        var target = new SimulatedStallScenario(time, Duration.ofNanos(200_000), Duration.ofMillis(100), 200, 200);
        LoadSummary s = run(target, closed(Duration.ofNanos(4_800_000), Duration.ofSeconds(1), Duration.ofSeconds(10)),
                time, "think");

        assertThat(s.totals().warmupOperations()).isEqualTo(200);
        assertThat(s.rates().targetSource()).isEqualTo(LoadSummary.Rates.DERIVED_FROM_WARMUP);
        assertThat(s.rates().targetPerSecond()).isCloseTo(200.0, within(1e-9));
        assertThat(s.totals().total()).isEqualTo(2000);
        assertThat(s.rates().dropped()).isZero();
        assertThat(s.corrected().p99Micros() / 1e3).isCloseTo(90.6, within(90.6 * 0.15));
        assertThat(s.uncorrected().p99Micros() / 1e3).isCloseTo(0.2, within(0.01));
        assertThat(s.corrected().maxMicros() / 1e3).isCloseTo(100.2, within(0.2));

        String json = Files.readString(dir.resolve("think").resolve("summary.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"targetSource\": \"derived-from-warmup\"");
        LoadSummary.Rates back = LoadSummaryJson.read(json).rates();
        assertThat(back.targetSource()).isEqualTo(s.rates().targetSource());
        assertThat(back.targetPerSecond()).isEqualTo(s.rates().targetPerSecond());
        assertThat(Files.readString(dir.resolve("think").resolve(dev.oktyv.results.load.LoadFolder.LATENCY_HLOG), StandardCharsets.US_ASCII))
                .contains("Tag=" + IntervalLog.CORRECTED);
    }

    /*
     * Expected values: 1 ms service, no think time. Warm-up 1 s = 1000 cycles of 1 ms -> 1000/s, one start per
     * ms from 1000 ms. Measured operation k = 100 (intended 1100 ms) stalls 100 ms, ending at 1201 ms. The schedule
     * has no slack (it is exactly the warm-up's pace), so the worker never catches up: operations 100..899 each
     * end 101 ms after their intended start, and when time is up (2000 ms) the starts due at 1900..1999 ms were
     * never made: 100 dropped. Corrected: 100 x 1 ms + 800 x 101 ms -> p50 and p99 101 ms. Service time: 1 of 900
     * slow (0.11%) -> p99 1 ms.
     */
    @Test
    void withoutSlackTheLagBehindTheWarmupPaceIsChargedToEveryLaterOperation() throws Exception {
        ManualTime time = new ManualTime();
        var target = new SimulatedStallScenario(time, Duration.ofMillis(1), Duration.ofMillis(100), 1100, 1_000_000);
        LoadSummary s = run(target, closed(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)), time, "tight");

        assertThat(s.totals().warmupOperations()).isEqualTo(1000);
        assertThat(s.rates().targetPerSecond()).isCloseTo(1000.0, within(1e-9));
        assertThat(s.totals().total()).isEqualTo(900);
        assertThat(s.rates().dropped()).isEqualTo(100);
        assertThat(s.corrected().p50Micros() / 1e3).isCloseTo(101.0, within(0.2));
        assertThat(s.corrected().p99Micros() / 1e3).isCloseTo(101.0, within(0.2));
        assertThat(s.uncorrected().p99Micros() / 1e3).isCloseTo(1.0, within(0.01));
        assertThat(s.uncorrected().maxMicros() / 1e3).isCloseTo(101.0, within(0.2));
    }

    @Test
    void withoutWarmupCorrectedIsNotApplicableAndSaysHowToGetIt() throws Exception {
        ManualTime time = new ManualTime();
        var target = new SimulatedStallScenario(time, Duration.ofMillis(1), Duration.ZERO, 1_000_000);
        LoadSummary s = run(target, closed(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)), time, "none");

        assertThat(s.corrected().applicable()).isFalse();
        assertThat(s.corrected().notApplicableReason()).contains("--warmup").contains("--rate");
        assertThat(s.rates().targetPerSecond()).isNaN();
        assertThat(s.rates().targetSource()).isEqualTo(LoadSummary.Rates.NO_TARGET);
        assertThat(s.uncorrected().count()).isEqualTo(1000);
    }

    @Test
    void aWarmupOfFewerThanTenOperationsPerWorkerDerivesNothing() throws Exception {
        // 5 ms warm-up at 1 ms per operation: 5 cycles < 10. The measured phase runs unpaced, service time only.
        ManualTime time = new ManualTime();
        var target = new SimulatedStallScenario(time, Duration.ofMillis(1), Duration.ZERO, 1_000_000);
        LoadSummary s = run(target, closed(Duration.ZERO, Duration.ofMillis(5), Duration.ofSeconds(1)), time, "short");

        assertThat(s.totals().warmupOperations()).isEqualTo(5);
        assertThat(s.corrected().applicable()).isFalse();
        assertThat(s.corrected().notApplicableReason()).contains("completed 5 operations, fewer than 10 per worker")
                .contains("--warmup").contains("--rate");
        assertThat(s.rates().targetSource()).isEqualTo(LoadSummary.Rates.NO_TARGET);
        assertThat(s.uncorrected().count()).isEqualTo(1000);
        assertThat(Files.readString(dir.resolve("short").resolve(dev.oktyv.results.load.LoadFolder.LATENCY_HLOG), StandardCharsets.US_ASCII))
                .doesNotContain("Tag=" + IntervalLog.CORRECTED);
    }
}
