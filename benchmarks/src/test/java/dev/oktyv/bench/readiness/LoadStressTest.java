package dev.oktyv.bench.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.load.thresholds.Threshold;
import dev.oktyv.results.load.StressLevel;
import dev.oktyv.results.load.StressResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The readiness console names the stress steps' result "highest step within the criterion", never "knee": the
 * analysis's latency knee (the first p99 jump) is printed in the same run and is usually a lower step.
 */
class LoadStressTest {

    private static final Threshold CRITERION = Threshold.parse("error_rate<1%");

    private static StressResult.Step step(String folder, double workers, boolean passed) {
        return new StressResult.Step(folder, workers, 800.04, 1200, passed ? 0 : 0.5, 0, passed);
    }

    @Test
    void namesTheHighestStepWithinTheErrorCriterion() {
        StressResult r = new StressResult(1, "database", StressLevel.Kind.CONCURRENCY, 1, List.of("error_rate<1%"),
                List.of(step("step-01-10", 10, true), step("step-02-50", 50, true), step("step-03-100", 100, false)));
        assertThat(LoadStress.highestLine(r, CRITERION))
                .isEqualTo("highest step within error_rate<1%: step-02-50 (50 workers, 800.0 req/s)")
                .doesNotContainIgnoringCase("knee");
    }

    @Test
    void saysSoWhenEvenTheFirstStepBrokeIt() {
        StressResult r = new StressResult(1, "database", StressLevel.Kind.CONCURRENCY, 1, List.of("error_rate<1%"),
                List.of(step("step-01-10", 10, false)));
        assertThat(LoadStress.highestLine(r, CRITERION))
                .isEqualTo("highest step within error_rate<1%: none, even the first step broke it");
    }
}
