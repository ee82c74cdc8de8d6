package dev.oktyv.analysis.history;

import dev.oktyv.analysis.stats.ForkWelchTest;
import dev.oktyv.analysis.stats.RelativeChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Windowed Welch test: for every split of the series, the up to {@code window} run scores before it are compared
 * with the up to {@code window} after it (Welch's t on log scores, the same test as {@code compare}, with runs as
 * the samples). A split is a candidate when {@code p < alpha} and the shift is at least {@code threshold}. Candidates
 * are then taken greedily by smallest p, dropping any within {@code window} points of one already taken, so a
 * single step is marked once and not at each neighbouring split.
 *
 * <p>Why not E-divisive: with tens of runs a windowed test is as sensitive for single steps, is exact about what
 * it tests, reuses the calibrated statistic, and needs no permutation loop.
 */
public record ChangePointDetector(int window, double alpha, double threshold) {

    public static final ChangePointDetector DEFAULT = new ChangePointDetector(5, 0.01, 0.05);

    public ChangePointDetector {
        if (window < 2) {
            throw new IllegalArgumentException("window must be >= 2, was " + window);
        }
    }

    public List<ChangePoint> detect(double[] scores) {
        List<ChangePoint> candidates = new ArrayList<>();
        for (int i = 2; i <= scores.length - 2; i++) {
            double[] before = Arrays.copyOfRange(scores, Math.max(0, i - window), i);
            double[] after = Arrays.copyOfRange(scores, i, Math.min(scores.length, i + window));
            RelativeChange c = ForkWelchTest.compare(before, after, alpha);
            if (c.estimable() && c.pValue() < alpha && Math.abs(c.estimate()) >= threshold) {
                candidates.add(new ChangePoint(i, c.estimate(), c.pValue()));
            }
        }
        candidates.sort(Comparator.comparingDouble(ChangePoint::pValue).thenComparing(cp -> -Math.abs(cp.change())));
        List<ChangePoint> taken = new ArrayList<>();
        for (ChangePoint c : candidates) {
            if (taken.stream().noneMatch(t -> Math.abs(t.index() - c.index()) < window)) {
                taken.add(c);
            }
        }
        taken.sort(Comparator.comparingInt(ChangePoint::index));
        return taken;
    }

    /**
     * One-sided window at the end: the newest run's fork means against the scores of the up to {@code window}
     * runs before it, with the same Welch test on logs (the window's samples are runs, so they carry run-to-run
     * noise; the newest run's samples are its forks, so its mean carries fork-to-fork noise; Welch allows the two
     * variances to differ).
     *
     * @param earlierScores   scores of the runs before the newest, oldest first
     * @param newestForkMeans fork means of the newest run
     */
    public NewestRunCheck newest(double[] earlierScores, double[] newestForkMeans) {
        double[] window = Arrays.copyOfRange(earlierScores, Math.max(0, earlierScores.length - this.window), earlierScores.length);
        RelativeChange c = ForkWelchTest.compare(window, newestForkMeans, alpha);
        if (!c.estimable()) {
            return NewestRunCheck.notTested(window.length, newestForkMeans.length, window.length < ForkWelchTest.MIN_FORKS
                    ? "needs at least " + ForkWelchTest.MIN_FORKS + " earlier runs"
                    : newestForkMeans.length < ForkWelchTest.MIN_FORKS
                    ? "the newest run has " + newestForkMeans.length + (newestForkMeans.length == 1 ? " fork" : " forks")
                            + " with raw data; needs " + ForkWelchTest.MIN_FORKS
                    : c.reason());
        }
        boolean shifted = c.pValue() < alpha && Math.abs(c.estimate()) >= threshold;
        return new NewestRunCheck(window.length, c.candidateForks(), c.estimate(), c.pValue(), shifted, "");
    }
}
