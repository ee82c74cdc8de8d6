package dev.oktyv.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oktyv.analysis.model.Direction;
import org.junit.jupiter.api.Test;

class ForkWelchTestTest {

    @Test
    void clearSlowdownOfTimeIsARegressionAndItsIntervalHoldsTheTruth() {
        double[] base = {100, 101, 99, 100.5, 99.5};
        double[] cand = {120, 121, 119, 120.5, 119.5};
        RelativeChange c = ForkWelchTest.compare(base, cand, 0.01);
        assertThat(c.estimate()).isCloseTo(0.20, within(1e-9));
        assertThat(c.lower()).isLessThan(0.20);
        assertThat(c.upper()).isGreaterThan(0.20);
        assertThat(c.pValue()).isLessThan(1e-6);
        assertThat(VerdictPolicy.DEFAULT.decide(c, Direction.LOWER_IS_BETTER)).isEqualTo(Verdict.REGRESSED);
        // The same numbers as throughput are an improvement: direction comes from the unit.
        assertThat(VerdictPolicy.DEFAULT.decide(c, Direction.HIGHER_IS_BETTER)).isEqualTo(Verdict.IMPROVED);
        assertThat(VerdictPolicy.DEFAULT.decide(c, Direction.UNKNOWN)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void tinyChangeWithTightDataIsUnchangedAndNoisyDataIsInconclusive() {
        RelativeChange tight = ForkWelchTest.compare(new double[] {100, 100.1, 99.9}, new double[] {101, 101.1, 100.9}, 0.01);
        assertThat(VerdictPolicy.DEFAULT.decide(tight, Direction.LOWER_IS_BETTER)).isEqualTo(Verdict.UNCHANGED);
        RelativeChange noisy = ForkWelchTest.compare(new double[] {80, 120, 100}, new double[] {90, 130, 105}, 0.01);
        assertThat(VerdictPolicy.DEFAULT.decide(noisy, Direction.LOWER_IS_BETTER)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void matchesAHandComputedWelchStatistic() {
        // Log-scale values; checked against the formula, df by Welch–Satterthwaite.
        double[] b = {10, 12, 11};
        double[] c = {13, 14, 15};
        RelativeChange r = ForkWelchTest.compare(b, c, 0.05);
        double vb = 1.0 / (3 * 11 * 11);
        double vc = 1.0 / (3 * 14 * 14);
        double df = (vb + vc) * (vb + vc) / (vb * vb / 2 + vc * vc / 2);
        assertThat(r.degreesOfFreedom()).isCloseTo(df, within(1e-9));
        assertThat(r.estimate()).isCloseTo(14.0 / 11 - 1, within(1e-12));
    }

    @Test
    void nonPositiveMeansAreNotEstimable() {
        RelativeChange r = ForkWelchTest.compare(new double[] {0, 0}, new double[] {1, 2}, 0.01);
        assertThat(r.estimable()).isFalse();
        assertThat(r.reason()).contains("positive means");
    }
}
