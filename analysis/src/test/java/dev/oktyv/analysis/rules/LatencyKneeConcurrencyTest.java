package dev.oktyv.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.model.LoadEvidence.StressStep;
import dev.oktyv.results.load.StressLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The knee rule on closed-model stress runs, whose levels are workers: a worker count is not an offered rate, so
 * the knee is where p99 grows or where throughput stops growing with the workers.
 */
class LatencyKneeConcurrencyTest {

    private static RuleResult evaluate(List<StressStep> steps) {
        return new LatencyKneeRule().evaluate(Inputs.loads(Inputs.load(1, 0, 0, Double.NaN, Double.NaN, steps)));
    }

    private static StressStep step(int workers, double throughput, double p99Nanos) {
        return new StressStep("step-" + workers, StressLevel.workers(workers), throughput, p99Nanos, 0,
                Inputs.RUN_DIR.resolve("load/s/step-" + workers + "/latency.hlog"));
    }

    @Test
    void saturationIsTheKneeEvenWhileP99StaysUnderItsFactor() {
        // Linear up to 8 workers, then flat: 16 and 32 workers only queue. p99 grows 2×, below the 3× factor.
        // Listed out of order: the rule sorts by workers.
        RuleResult r = evaluate(List.of(step(16, 1010, 3e6), step(4, 500, 2e6), step(32, 1000, 4e6), step(8, 1000, 2.1e6)));
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.summary()).contains("knee at 16 workers").contains("1010 ops/s").contains("1% of the linear gain over 8 workers")
                .doesNotContain("/s offered");
        assertThat(r.impactBound()).get().asString().contains("stopped scaling after 8 workers (1000 ops/s)");
        assertThat(r.evidence()).extracting(Evidence::quantity).containsExactly("p99 at 4 workers", "throughput at 4 workers",
                "p99 at 8 workers", "throughput at 8 workers", "p99 at 16 workers", "throughput at 16 workers");
        assertThat(r.evidence()).filteredOn(e -> e.quantity().startsWith("throughput")).extracting(Evidence::unit)
                .containsOnly("ops/s");
    }

    @Test
    void linearScalingWithFlatP99HasNoKnee() {
        RuleResult r = evaluate(List.of(step(4, 500, 2e6), step(8, 1000, 2.1e6), step(16, 1990, 2.2e6), step(32, 3950, 2.3e6)));
        assertThat(r.severity()).isEqualTo(Severity.OK);
        assertThat(r.summary()).isEqualTo("no latency knee within the tested worker counts");
        assertThat(r.evidence()).hasSize(8).noneMatch(e -> e.quantity().contains("/s offered"));
    }

    @Test
    void sublinearButStillGrowingThroughputIsNotAKnee() {
        // Contention: 5× the workers give 2.1× the throughput (27% of the linear gain): slower growth, not saturation.
        RuleResult r = evaluate(List.of(step(10, 6900, 2e6), step(50, 14500, 3e6), step(100, 17000, 4e6)));
        assertThat(r.severity()).isEqualTo(Severity.OK);
    }

    @Test
    void p99GrowthIsAKneeWhileThroughputStillScales() {
        RuleResult r = evaluate(List.of(step(4, 500, 2e6), step(8, 1000, 2.2e6), step(16, 1900, 9e6)));
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.summary()).contains("knee at 16 workers (p99 9.00 ms, 4.5× the lowest step; throughput 1900 ops/s)");
        assertThat(r.impactBound()).get().asString().contains("kept p99 near its floor was 8 workers (1000 ops/s)");
    }

    @Test
    void fallingThroughputIsSaturationToo() {
        // Retrograde scaling (the USL's coherency term): more workers, less throughput.
        RuleResult r = evaluate(List.of(step(4, 500, 2e6), step(8, 1000, 2e6), step(16, 800, 2.5e6)));
        assertThat(r.summary()).contains("knee at 16 workers").contains("-20% of the linear gain over 8 workers");
    }

    @Test
    void thresholdsNameTheScalingCriterion() {
        assertThat(new LatencyKneeRule().thresholds()).contains(
                new Threshold("throughput gain / linear-scaling gain between concurrency steps", 10, "%"));
    }
}
