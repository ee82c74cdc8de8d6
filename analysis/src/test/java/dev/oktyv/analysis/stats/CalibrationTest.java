package dev.oktyv.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.model.Direction;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded calibration of the fork-level Welch test and the verdict policy (see {@link SimulatedBenchmark} for the
 * noise model). Benchmarks are avgt (lower is better); a slowdown multiplies the mean time.
 */
class CalibrationTest {

    private static final int TRIALS = 1000;

    @Test
    void aaFalseRegressionRateIsAtMostAlpha() {
        Random rnd = new Random(42);
        VerdictPolicy policy = VerdictPolicy.DEFAULT;
        int regressed = 0;
        int significant = 0;
        int unchanged = 0;
        for (int i = 0; i < TRIALS; i++) {
            double[] a = SimulatedBenchmark.REALISTIC.forkMeans(rnd, 100, 5, 5);
            double[] b = SimulatedBenchmark.REALISTIC.forkMeans(rnd, 100, 5, 5);
            RelativeChange c = ForkWelchTest.compare(a, b, policy.alpha());
            if (policy.decide(c, Direction.LOWER_IS_BETTER) == Verdict.REGRESSED) {
                regressed++;
            }
            if (c.pValue() < policy.alpha()) {
                significant++;
            }
            if (policy.decide(c, Direction.LOWER_IS_BETTER) == Verdict.UNCHANGED) {
                unchanged++;
            }
        }
        System.out.printf(Locale.ROOT, "calibration A/A: %d trials, regressed %.3f, p<alpha (two-sided, no threshold) %.3f,"
                + " unchanged %.3f (rest inconclusive)%n", TRIALS, regressed / (double) TRIALS, significant / (double) TRIALS,
                unchanged / (double) TRIALS);
        assertThat(regressed / (double) TRIALS).isLessThanOrEqualTo(policy.alpha());
        // The test itself must be calibrated, not just rescued by the threshold: two-sided size close to alpha.
        assertThat(significant / (double) TRIALS).isLessThanOrEqualTo(2.5 * policy.alpha());
    }

    @Test
    void abTenPercentSlowdownWithFiveForksIsDetected() {
        double rate = detectionRate(0.10, VerdictPolicy.DEFAULT, 7);
        assertThat(rate).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void detectionRatesAtThreeFiveAndTenPercent() {
        double[] effects = {0.03, 0.05, 0.10};
        double[] atDefault = new double[3];
        double[] atOnePercent = new double[3];
        for (int i = 0; i < 3; i++) {
            atDefault[i] = detectionRate(effects[i], VerdictPolicy.DEFAULT, 11 + i);
            atOnePercent[i] = detectionRate(effects[i], new VerdictPolicy(0.01, 0.01), 11 + i);
            System.out.printf(Locale.ROOT, "calibration A/B %2.0f%% slowdown, 5 forks x 5 it: detected %.3f "
                    + "(threshold 5%%), %.3f (threshold 1%%)%n", effects[i] * 100, atDefault[i], atOnePercent[i]);
        }
        // Power must grow with the effect; a 3% change is below the default 5% threshold and must not be flagged
        // often.
        assertThat(atDefault[0]).isLessThan(atDefault[2]);
        assertThat(atOnePercent[0]).isLessThanOrEqualTo(atOnePercent[1]).isLessThanOrEqualTo(atOnePercent[2]);
        assertThat(atDefault[0]).isLessThan(0.5);
    }

    @Test
    void oneForkIsInconclusiveNeverAGuess() {
        RelativeChange c = ForkWelchTest.compare(new double[] {100}, new double[] {200}, 0.01);
        assertThat(VerdictPolicy.DEFAULT.decide(c, Direction.LOWER_IS_BETTER)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("at least 2 forks");
    }

    private static double detectionRate(double slowdown, VerdictPolicy policy, long seed) {
        Random rnd = new Random(seed);
        int detected = 0;
        for (int i = 0; i < TRIALS; i++) {
            double[] base = SimulatedBenchmark.REALISTIC.forkMeans(rnd, 100, 5, 5);
            double[] cand = SimulatedBenchmark.REALISTIC.forkMeans(rnd, 100 * (1 + slowdown), 5, 5);
            if (policy.decide(ForkWelchTest.compare(base, cand, policy.alpha()), Direction.LOWER_IS_BETTER)
                    == Verdict.REGRESSED) {
                detected++;
            }
        }
        return detected / (double) TRIALS;
    }
}
