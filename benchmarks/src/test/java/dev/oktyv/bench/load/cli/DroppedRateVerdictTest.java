package dev.oktyv.bench.load.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.executor.Pacer;
import dev.oktyv.bench.load.recording.ProgressLine;
import dev.oktyv.bench.load.schedule.ArrivalSchedule;
import dev.oktyv.bench.load.testing.SimulatedStallScenario;
import dev.oktyv.bench.load.thresholds.Threshold;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.ThresholdOutcome;
import dev.oktyv.system.time.ManualTime;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default criteria judge a run with an intended rate on the starts it dropped, so a generator that fell far
 * behind does not pass on its error rate alone. Time is a {@link ManualTime}: it moves only when an operation runs
 * (25 ms each) or the runner waits, so the drops are exact and the test does not sleep.
 */
class DroppedRateVerdictTest {

    private static final ProgressLine SILENT = new ProgressLine(new PrintStream(PrintStream.nullOutputStream()), false);

    @TempDir
    Path dir;

    private final ManualTime time = new ManualTime();

    /** Every operation takes 25 ms of simulated time: one worker manages 40/s. */
    private SimulatedStallScenario slowTarget() {
        return new SimulatedStallScenario(time, Duration.ofMillis(25), Duration.ZERO, Long.MAX_VALUE);
    }

    private SimulatedStallScenario fastTarget() {
        return new SimulatedStallScenario(time, Duration.ofNanos(200_000), Duration.ZERO, Long.MAX_VALUE);
    }

    private LoadSummary run(SimulatedStallScenario target, LoadModel model, List<Threshold> given) throws Exception {
        return new ScenarioRunner(Pacer.of(time, time), time.clock(), SILENT)
                .run(target, model, LoadVerdict.effective(given, model), dir).summary();
    }

    private static String verdict(LoadSummary s) {
        LoadVerdict v = new LoadVerdict();
        v.scenario("files", s);
        return v.line();
    }

    @Test
    void anOpenRunThatDropsMostStartsFailsByDefaultAndTheLastLineSaysWhy() throws Exception {
        // 100/s for 10 s, one operation in flight at a time, each taking 25 ms: two arrivals in three are dropped.
        LoadModel model = new LoadModel.Open(ArrivalSchedule.constant(100, Duration.ofSeconds(10), Duration.ZERO), 1, 1);
        LoadSummary s = run(slowTarget(), model, List.of());

        assertThat(s.totals().failed()).isZero();
        assertThat(s.thresholds()).extracting(ThresholdOutcome::expression)
                .containsExactly("error_rate<1%", "dropped_rate<1%");
        long dropped = s.rates().dropped();
        long intended = s.totals().total() + dropped;
        assertThat(intended).isEqualTo(1000);
        assertThat(dropped).isGreaterThan(intended / 2);
        assertThat(s.thresholds().get(1).observed()).isEqualTo((double) dropped / intended);
        assertThat(verdict(s)).isEqualTo(String.format(Locale.ROOT, "load FAILED: files: dropped_rate<1%% failed,"
                        + " observed %s (%,d of %,d intended starts dropped: the generator fell behind)",
                Threshold.parse("dropped_rate<1%").format((double) dropped / intended), dropped, intended));
    }

    @Test
    void anOpenRunThatDropsNothingPasses() throws Exception {
        LoadModel model = new LoadModel.Open(ArrivalSchedule.constant(100, Duration.ofSeconds(2), Duration.ZERO), 1, 1);
        LoadSummary s = run(fastTarget(), model, List.of());

        assertThat(s.rates().dropped()).isZero();
        assertThat(s.thresholds()).extracting(ThresholdOutcome::passed).containsExactly(true, true);
        assertThat(SummaryPrinter.thresholdLine(s.thresholds().get(1), s))
                .isEqualTo("  threshold dropped_rate<1%      ok     observed 0% (0 of 200 intended starts dropped)");
        assertThat(verdict(s)).isEqualTo("load passed: 1 scenario, every criterion held");
    }

    @Test
    void aClosedRunWithARateItCannotKeepFailsOnItsDrops() throws Exception {
        // One worker meant to do 100/s manages 40/s: the starts it never made are dropped when time is up.
        LoadModel model = new LoadModel.Closed(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10),
                OptionalDouble.of(100));
        LoadSummary s = run(slowTarget(), model, List.of());

        assertThat(s.rates().dropped()).isGreaterThan(s.totals().total());
        assertThat(verdict(s)).startsWith("load FAILED: files: dropped_rate<1% failed, observed ")
                .endsWith(" intended starts dropped: the generator fell behind)");
    }

    @Test
    void aClosedRunWithoutARateIsNotJudgedOnDropsByDefault() throws Exception {
        LoadModel model = new LoadModel.Closed(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2),
                OptionalDouble.empty());
        LoadSummary s = run(slowTarget(), model, List.of());

        assertThat(s.thresholds()).extracting(ThresholdOutcome::expression).containsExactly("error_rate<1%");
        assertThat(verdict(s)).isEqualTo("load passed: 1 scenario, every criterion held");
    }

    @Test
    void anExplicitDroppedRateOnARunWithoutARateFailsAndSaysItIsNotApplicable() throws Exception {
        // As with any figure that could not be observed: not applicable is never a pass.
        LoadModel model = new LoadModel.Closed(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2),
                OptionalDouble.empty());
        LoadSummary s = run(slowTarget(), model, List.of(Threshold.parse("dropped_rate<1%")));

        assertThat(s.thresholds()).singleElement().satisfies(t -> {
            assertThat(t.passed()).isFalse();
            assertThat(t.observed()).isNaN();
        });
        assertThat(verdict(s)).isEqualTo("load FAILED: files: dropped_rate<1% failed, observed n/a (not applicable,"
                + " because the run had no intended rate: closed model without --rate)");
    }
}
