package dev.oktyv.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.model.Direction;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded calibration of the reported minimum detectable effect across noise levels (fork-to-fork CV 1% to 20%,
 * the range seen on real JMH runs) and fork counts: a user who reads "MDE x" off one comparison and then meets a
 * true change of x must see it called {@code regressed} at least 80% of the time, while A/A comparisons stay at
 * or below alpha. Both directions of unit are covered: a regression is a rise for avgt and a fall for thrpt.
 */
class DetectableEffectCalibrationTest {

    private static final int TRIALS = 300;
    private static final double[] FORK_CVS = {0.01, 0.02, 0.05, 0.10, 0.20};
    private static final VerdictPolicy POLICY = VerdictPolicy.DEFAULT;

    @Test
    void trueEffectsOfTheReportedMdeAreDetectedAtLeast80PercentOfTheTimeAndAaStaysWithinAlpha() {
        for (Direction direction : new Direction[] {Direction.LOWER_IS_BETTER, Direction.HIGHER_IS_BETTER}) {
            int aaTrials = 0;
            int aaRegressed = 0;
            for (int forks : new int[] {3, 5, 10}) {
                for (double cv : FORK_CVS) {
                    Random rnd = new Random(Double.hashCode(cv) * 31L + forks);
                    SimulatedBenchmark noise = new SimulatedBenchmark(cv, 0.01, 0.5);
                    int atMde = 0;
                    int detected = 0;
                    int falseAlarms = 0;
                    double mdeSum = 0;
                    for (int i = 0; i < TRIALS; i++) {
                        // The MDE a user reads off one A/A comparison ...
                        double[] a1 = noise.forkMeans(rnd, 100, forks, 5);
                        double[] a2 = noise.forkMeans(rnd, 100, forks, 5);
                        DetectableEffect reported = DetectableEffect.of(a1, a2, POLICY, direction);
                        if (POLICY.decide(ForkWelchTest.compare(a1, a2, POLICY.alpha()), direction) == Verdict.REGRESSED) {
                            falseAlarms++;
                        }
                        mdeSum += reported.mde();
                        // ... and a later true change of that size in the bad direction (a fall of 100% or more
                        // cannot happen to a throughput, so such an MDE is not a promise anything could test).
                        double factor = direction == Direction.LOWER_IS_BETTER ? 1 + reported.mde() : 1 - reported.mde();
                        if (!(factor > 0)) {
                            continue;
                        }
                        atMde++;
                        double[] base = noise.forkMeans(rnd, 100, forks, 5);
                        double[] cand = noise.forkMeans(rnd, 100 * factor, forks, 5);
                        if (POLICY.decide(ForkWelchTest.compare(base, cand, POLICY.alpha()), direction) == Verdict.REGRESSED) {
                            detected++;
                        }
                    }
                    double power = detected / (double) atMde;
                    System.out.printf(Locale.ROOT, "MDE calibration %s, fork CV %4.1f%%, %2d forks: mean MDE %6.1f%%,"
                                    + " regressed at the MDE %.3f (%d trials), A/A regressed %.3f%n", direction.wireName(), cv * 100,
                            forks, mdeSum / TRIALS * 100, power, atMde, falseAlarms / (double) TRIALS);
                    assertThat(atMde).isGreaterThan(TRIALS / 2);
                    assertThat(power).as("power at the reported MDE, %s, fork CV %s, %s forks", direction, cv, forks)
                            .isGreaterThanOrEqualTo(0.80);
                    // 300 A/A trials per cell are too few to pin a 1% rate; per cell allow sampling noise ...
                    assertThat(falseAlarms / (double) TRIALS).isLessThanOrEqualTo(2.5 * POLICY.alpha());
                    aaTrials += TRIALS;
                    aaRegressed += falseAlarms;
                }
            }
            // ... and over all 4,500 trials of one direction the false-alarm rate must be at most alpha.
            assertThat(aaRegressed / (double) aaTrials).as("A/A regressed, %s", direction).isLessThanOrEqualTo(POLICY.alpha());
        }
    }

    @Test
    void theReportedForksPerSideDetectAThresholdSizedChangeWith80PercentPower() {
        for (double cv : new double[] {0.02, 0.05}) {
            Random rnd = new Random(77 + Double.hashCode(cv));
            SimulatedBenchmark noise = new SimulatedBenchmark(cv, 0.01, 0.5);
            // Read the advice off one 5-fork A/A comparison ...
            DetectableEffect advice = DetectableEffect.of(noise.forkMeans(rnd, 100, 5, 5), noise.forkMeans(rnd, 100, 5, 5),
                    POLICY, Direction.LOWER_IS_BETTER);
            int n = advice.forksPerSide().orElseThrow();
            // ... then rerun with that many forks against a true change of exactly the threshold.
            int significant = 0;
            int trials = 300;
            for (int i = 0; i < trials; i++) {
                double[] base = noise.forkMeans(rnd, 100, n, 3);
                double[] cand = noise.forkMeans(rnd, 100 * (1 + POLICY.threshold()), n, 3);
                RelativeChange c = ForkWelchTest.compare(base, cand, POLICY.alpha());
                if (c.pValue() < POLICY.alpha() && c.estimate() > 0) {
                    significant++;
                }
            }
            System.out.printf(Locale.ROOT, "forks advice, fork CV %.0f%%: %s; a %.0f%% change significant in %.3f of %d reruns%n",
                    cv * 100, advice.describe(POLICY.threshold()), POLICY.threshold() * 100, significant / (double) trials, trials);
            assertThat(n).isGreaterThan(5);
            assertThat(significant / (double) trials).isGreaterThanOrEqualTo(0.80);
        }
    }

    @Test
    void mdeIsNeverBelowTheThresholdAndGrowsWithNoise() {
        Random rnd = new Random(5);
        double quiet = DetectableEffect.of(SimulatedBenchmark.REALISTIC.forkMeans(rnd, 100, 10, 5),
                SimulatedBenchmark.REALISTIC.forkMeans(rnd, 100, 10, 5), POLICY, Direction.LOWER_IS_BETTER).mde();
        SimulatedBenchmark loud = new SimulatedBenchmark(0.2, 0.01, 0.5);
        double noisy = DetectableEffect.of(loud.forkMeans(rnd, 100, 10, 5), loud.forkMeans(rnd, 100, 10, 5), POLICY,
                Direction.LOWER_IS_BETTER).mde();
        assertThat(quiet).isGreaterThan(POLICY.threshold()).isLessThan(noisy);
        DetectableEffect oneFork = DetectableEffect.of(new double[] {100}, new double[] {120}, POLICY, Direction.LOWER_IS_BETTER);
        assertThat(oneFork.applicable()).isFalse();
        assertThat(oneFork.forksPerSide()).isEmpty();
        assertThat(oneFork.describe(0.05)).isEqualTo("MDE n/a");
        assertThat(oneFork.reason()).contains("1 fork");
    }
}
