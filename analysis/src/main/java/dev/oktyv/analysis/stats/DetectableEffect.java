package dev.oktyv.analysis.stats;

import dev.oktyv.analysis.model.Direction;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * What a comparison could have seen: the <b>minimum detectable effect</b> (MDE) and the forks per side needed
 * for the threshold.
 *
 * <p>The MDE is the smallest true change that {@link VerdictPolicy#decide} calls {@code regressed} with
 * {@value #POWER_PERCENT}% probability, given the observed fork-to-fork variance and the fork counts. It uses the
 * same statistic as {@link ForkWelchTest}: with {@code se} the standard error of {@code ln(m_c/m_b)} and
 * {@code df} its Welch–Satterthwaite degrees of freedom, a regression needs the observed log ratio beyond both
 * the significance bound {@code t_{1−α/2}·se} and the threshold {@code ln(1+T)} (for "lower is better"; for
 * "higher is better" the bad direction is down, {@code −ln(1−T)}). The observed log ratio is roughly
 * {@code d + se·t_df}, so it passes the larger bound with probability 0.8 when
 * {@code d = max(t_{1−α/2}·se, ln(1+T)) + t_{0.8}·se}. Reported as a magnitude in the bad direction.
 * {@code se} here is not the point estimate but its upper {@value #NOISE_CONFIDENCE} confidence bound
 * ({@code se·sqrt(df/χ²_{0.2,df})}): from 3–5 forks the variance estimate is itself so noisy that an MDE read off
 * it would often promise more than the next comparison delivers.
 * Because the threshold is part of the verdict, the MDE is never below the threshold.
 *
 * <p>The forks per side for the threshold is the smallest equal fork count {@code n} at which the test alone
 * detects a change of exactly {@code T} with 80% power: {@code (t_{1−α/2} + t_{0.8})·se_n ≤ ln(1+T)}, with
 * {@code se_n} from the (upper-bounded, as above) coefficients of variation of both sides. Above it, noise no longer hides a
 * {@code T} change (a change exactly at {@code T} is then called about half the time, as its estimate falls on
 * either side of {@code T}).
 *
 * @param mde          minimum detectable effect as a positive fraction (0.23 for 23%); NaN when not estimable
 * @param forksPerSide forks per side to detect the threshold; empty when not estimable; capped at {@link #MAX_FORKS}
 * @param reason       why the MDE is NaN, or "" when it is not
 */
public record DetectableEffect(double mde, OptionalInt forksPerSide, String reason) {

    public static final int POWER_PERCENT = 80;
    /** Fork counts are searched up to here; a larger need is reported as "at least" this. */
    public static final int MAX_FORKS = 10_000;
    private static final double POWER = POWER_PERCENT / 100.0;
    /**
     * Confidence of the upper bound on the noise the MDE is planned with. Seeded calibration
     * ({@code DetectableEffectCalibrationTest}): with the point estimate, power at the reported MDE was 57–80%
     * (3 to 10 forks, fork CV 1–20%); with the 70% bound 74–87%; with the 80% bound 84–91% (300 trials per cell).
     */
    static final double NOISE_CONFIDENCE = 0.8;

    public DetectableEffect {
        if (!(Double.isNaN(mde) || mde >= 0)) {
            throw new IllegalArgumentException("mde must be NaN or >= 0, was " + mde);
        }
    }

    public static DetectableEffect notApplicable(String reason) {
        return new DetectableEffect(Double.NaN, OptionalInt.empty(), reason);
    }

    public boolean applicable() {
        return !Double.isNaN(mde);
    }

    /** Whether {@link #forksPerSide} reached the search cap: the true need is at least that. */
    public boolean forksCapped() {
        return forksPerSide.isPresent() && forksPerSide.getAsInt() >= MAX_FORKS;
    }

    public static DetectableEffect of(double[] baselineForkMeans, double[] candidateForkMeans, VerdictPolicy policy,
                                      Direction direction) {
        double[] b = Arrays.stream(baselineForkMeans).filter(Double::isFinite).toArray();
        double[] c = Arrays.stream(candidateForkMeans).filter(Double::isFinite).toArray();
        if (b.length < ForkWelchTest.MIN_FORKS || c.length < ForkWelchTest.MIN_FORKS) {
            int fewest = Math.min(b.length, c.length);
            return notApplicable("no fork-to-fork variance with " + fewest + (fewest == 1 ? " fork" : " forks") + " on a side");
        }
        if (direction == Direction.UNKNOWN) {
            return notApplicable("the unit has no direction, so nothing is ever called regressed");
        }
        double mb = ForkWelchTest.mean(b);
        double mc = ForkWelchTest.mean(c);
        if (!(mb > 0 && mc > 0)) {
            return notApplicable("a relative change needs positive means");
        }
        // The threshold on the log scale, in the bad direction of the unit.
        double t = policy.threshold();
        if (direction == Direction.HIGHER_IS_BETTER && t >= 1) {
            return notApplicable("a score cannot fall by " + t * 100 + "% or more");
        }
        double logThreshold = direction == Direction.LOWER_IS_BETTER ? Math.log1p(t) : -Math.log1p(-t);
        double cvb2 = ForkWelchTest.variance(b, mb) / (mb * mb);
        double cvc2 = ForkWelchTest.variance(c, mc) / (mc * mc);
        double vb = cvb2 / b.length;
        double vc = cvc2 / c.length;
        double se = Math.sqrt(vb + vc);
        if (se == 0) {
            return new DetectableEffect(magnitude(logThreshold, direction), OptionalInt.of(ForkWelchTest.MIN_FORKS), "");
        }
        double df = (vb + vc) * (vb + vc) / (vb * vb / (b.length - 1) + vc * vc / (c.length - 1));
        // The observed variance of a few forks is itself noisy, and an MDE read off an underestimate would
        // promise power it does not have; plan with the upper NOISE_CONFIDENCE bound of the standard error.
        double inflation = df / new ChiSquaredDistribution(null, df).inverseCumulativeProbability(1 - NOISE_CONFIDENCE);
        double seUpper = se * Math.sqrt(inflation);
        double d = Math.max(quantile(df, 1 - policy.alpha() / 2) * seUpper, logThreshold) + quantile(df, POWER) * seUpper;
        int forks = forksFor(cvb2 * inflation, cvc2 * inflation, logThreshold, policy.alpha());
        return new DetectableEffect(magnitude(d, direction), OptionalInt.of(forks), "");
    }

    /** The smallest equal fork count whose test has 80% power at the threshold. */
    static int forksFor(double cvb2, double cvc2, double logThreshold, double alpha) {
        double sum = cvb2 + cvc2;
        double sumSquares = cvb2 * cvb2 + cvc2 * cvc2;
        // se_n shrinks as 1/sqrt(n) and the quantiles fall with n, so the criterion is monotone: bisect.
        int lo = ForkWelchTest.MIN_FORKS;
        if (meets(lo, sum, sumSquares, logThreshold, alpha)) {
            return lo;
        }
        int hi = MAX_FORKS;
        if (!meets(hi, sum, sumSquares, logThreshold, alpha)) {
            return MAX_FORKS;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (meets(mid, sum, sumSquares, logThreshold, alpha)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static boolean meets(int n, double sum, double sumSquares, double logThreshold, double alpha) {
        double se = Math.sqrt(sum / n);
        double df = sum * sum * (n - 1) / sumSquares;
        return (quantile(df, 1 - alpha / 2) + quantile(df, POWER)) * se <= logThreshold;
    }

    private static double quantile(double df, double p) {
        return new TDistribution(null, df).inverseCumulativeProbability(p);
    }

    private static double magnitude(double logShift, Direction direction) {
        return direction == Direction.LOWER_IS_BETTER ? Math.expm1(logShift) : -Math.expm1(-logShift);
    }

    /** "MDE 23%; ~18 forks per side to see 5%", or "MDE n/a" ({@link #reason} says why). */
    public String describe(double threshold) {
        if (!applicable()) {
            return "MDE n/a";
        }
        int n = forksPerSide.orElseThrow();
        return String.format(Locale.ROOT, "MDE %s; %s%d forks per side to see %s", percent(mde),
                forksCapped() ? "≥ " : "~", n, percent(threshold));
    }

    /** Two significant digits are all a power estimate carries: 7.3%, 23%, 5% (not 5.0%). */
    private static String percent(double fraction) {
        double p = fraction * 100;
        String s = p >= 10 ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }
}
