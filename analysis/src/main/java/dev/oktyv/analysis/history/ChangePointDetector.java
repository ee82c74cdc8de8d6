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
}
