package dev.oktyv.analysis.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's t-test on fork means, on the log scale.
 *
 * <p>Why forks: iterations within one JVM fork share its JIT decisions, code layout and heap layout, so they
 * are correlated; treating them as independent understates the variance and reports noise as regressions.
 * The fork means are the independent samples.
 *
 * <p>Why the log scale: a relative change is a ratio of means. With {@code m} the mean and {@code s} the
 * standard deviation of the fork means on one side, the delta method gives
 * {@code Var(ln m) ≈ s² / (n m²)}. The statistic {@code t = (ln m_c − ln m_b) / sqrt(v_c + v_b)} is compared to
 * Student's t with Welch–Satterthwaite degrees of freedom; the confidence interval
 * {@code exp(ln(m_c/m_b) ± t_{1−α/2} · se) − 1} is consistent with the test (it excludes 0 exactly when
 * {@code p < α}) and is asymmetric the way ratios are.
 */
public final class ForkWelchTest {

    /** Fewer independent samples than this on either side and there is no variance estimate. */
    public static final int MIN_FORKS = 2;

    private ForkWelchTest() {
    }

    public static RelativeChange compare(double[] baselineForkMeans, double[] candidateForkMeans, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        double[] b = finite(baselineForkMeans);
        double[] c = finite(candidateForkMeans);
        int nb = b.length;
        int nc = c.length;
        if (nb < MIN_FORKS || nc < MIN_FORKS) {
            return RelativeChange.notEstimable(nb, nc, "needs at least " + MIN_FORKS + " forks with raw data on each side"
                    + " (baseline " + nb + ", candidate " + nc + ")");
        }
        double mb = mean(b);
        double mc = mean(c);
        if (!(mb > 0 && mc > 0)) {
            return RelativeChange.notEstimable(nb, nc, "a relative change needs positive means (baseline "
                    + mb + ", candidate " + mc + ")");
        }
        double vb = variance(b, mb) / (nb * mb * mb);
        double vc = variance(c, mc) / (nc * mc * mc);
        double logRatio = Math.log(mc / mb);
        double se = Math.sqrt(vb + vc);
        if (se == 0) {
            // Identical constant samples (only in synthetic data): the change is known exactly.
            double est = Math.expm1(logRatio);
            return new RelativeChange(est, est, est, logRatio == 0 ? 1.0 : 0.0, Double.POSITIVE_INFINITY, est, est, nb, nc, "");
        }
        double df = (vb + vc) * (vb + vc) / (vb * vb / (nb - 1) + vc * vc / (nc - 1));
        TDistribution t = new TDistribution(null, df);
        double p = 2 * t.cumulativeProbability(-Math.abs(logRatio / se));
        double q = t.inverseCumulativeProbability(1 - alpha / 2);
        double qEq = t.inverseCumulativeProbability(1 - alpha);
        return new RelativeChange(Math.expm1(logRatio), Math.expm1(logRatio - q * se), Math.expm1(logRatio + q * se),
                p, df, Math.expm1(logRatio - qEq * se), Math.expm1(logRatio + qEq * se), nb, nc, "");
    }

    private static double[] finite(double[] xs) {
        return Arrays.stream(xs).filter(Double::isFinite).toArray();
    }

    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    static double variance(double[] xs, double mean) {
        double s = 0;
        for (double x : xs) {
            s += (x - mean) * (x - mean);
        }
        return s / (xs.length - 1);
    }
}
