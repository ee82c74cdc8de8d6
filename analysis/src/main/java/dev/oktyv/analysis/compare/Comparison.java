package dev.oktyv.analysis.compare;

import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.stats.Verdict;
import dev.oktyv.analysis.stats.VerdictPolicy;
import java.util.Comparator;
import java.util.List;

/**
 * The result of {@code compare BASELINE CANDIDATE}.
 *
 * @param warnings things that make the comparison less trustworthy (different hosts, JVMs, dirty trees)
 */
public record Comparison(Side baseline, Side candidate, VerdictPolicy policy, List<MetricComparison> rows,
                         List<BenchmarkId> added, List<BenchmarkId> removed, List<String> warnings) {

    public static final int FORMAT_VERSION = 1;

    public Comparison {
        rows = List.copyOf(rows);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        warnings = List.copyOf(warnings);
    }

    /** A compared run as printed: its id and commit. */
    public record Side(String runId, String commit) {
    }

    public long count(Verdict v) {
        return rows.stream().filter(r -> r.verdict() == v).count();
    }

    public boolean anyRegression() {
        return count(Verdict.REGRESSED) > 0;
    }

    /** Regressions first (largest first), then improvements, inconclusive, unchanged. */
    public List<MetricComparison> regressionsFirst() {
        return rows.stream().sorted(Comparator.comparingInt((MetricComparison r) -> rank(r.verdict()))
                .thenComparing(r -> -Math.abs(Double.isNaN(r.change().estimate()) ? 0 : r.change().estimate()))
                .thenComparing(MetricComparison::id).thenComparing(MetricComparison::metric)).toList();
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case REGRESSED -> 0;
            case IMPROVED -> 1;
            case INCONCLUSIVE -> 2;
            case UNCHANGED -> 3;
        };
    }
}
