package dev.oktyv.bench.calibration;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The ratio of a treatment's score to a baseline's score, from rounds in which both ran back to back.
 *
 * <p>Why paired and on logs: a shared machine drifts over minutes, so a treatment is compared only with the
 * baseline of its own round; a ratio's error is symmetric on a log scale, so the mean and its Student-t interval
 * are taken over log ratios and transformed back.
 *
 * @param rounds   how many pairs
 * @param ratio    geometric mean of treatment / baseline
 * @param low      lower end of the 95% interval of {@code ratio}; NaN with fewer than two rounds
 * @param high     upper end of the 95% interval of {@code ratio}; NaN with fewer than two rounds
 */
public record PairedRatios(int rounds, double ratio, double low, double high) {

    /** Pairs {@code treatment.get(i)} with {@code baseline.get(i)}; the lists must be equally long and positive. */
    public static PairedRatios of(List<Double> baseline, List<Double> treatment) {
        if (baseline.size() != treatment.size() || baseline.isEmpty()) {
            throw new IllegalArgumentException("need the same, non-zero number of rounds, got " + baseline.size()
                    + " baseline and " + treatment.size() + " treatment scores");
        }
        int n = baseline.size();
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            double b = baseline.get(i);
            double t = treatment.get(i);
            if (!(b > 0) || !(t > 0)) {
                throw new IllegalArgumentException("scores must be positive, got baseline " + b + " and treatment "
                        + t + " in round " + (i + 1));
            }
            logs[i] = Math.log(t / b);
        }
        double mean = 0;
        for (double l : logs) {
            mean += l;
        }
        mean /= n;
        if (n < 2) {
            return new PairedRatios(n, Math.exp(mean), Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double l : logs) {
            ss += (l - mean) * (l - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        return new PairedRatios(n, Math.exp(mean), Math.exp(mean - t * se), Math.exp(mean + t * se));
    }

    /** The change of the treatment versus the baseline in percent ({@code ratio - 1}), e.g. -2.5. */
    public double changePercent() {
        return 100 * (ratio - 1);
    }
}
