package dev.oktyv.analysis.compare;

import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.stats.ForkWelchTest;
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

    /**
     * A compared side as printed: its run (the last, when several were pooled) and commit, every run pooled into
     * it, and the fewest and most forks any of its benchmarks had (the samples the verdicts rest on).
     */
    public record Side(String runId, String commit, List<String> runs, int minForks, int maxForks) {

        public Side {
            runs = List.copyOf(runs);
        }

        /** e.g. {@code 1 run, 2 forks per benchmark} or {@code 3 runs, 4-6 forks per benchmark}. */
        public String samples() {
            return runs.size() + (runs.size() == 1 ? " run, " : " runs, ")
                    + (minForks == maxForks ? Integer.toString(minForks) : minForks + "-" + maxForks)
                    + (maxForks == 1 ? " fork" : " forks") + " per benchmark";
        }
    }

    /** The line every format prints: how much evidence each side had. */
    public String samplesLine() {
        return "samples: baseline " + baseline.samples() + "; candidate " + candidate.samples();
    }

    public long count(Verdict v) {
        return rows.stream().filter(r -> r.verdict() == v).count();
    }

    public boolean anyRegression() {
        return count(Verdict.REGRESSED) > 0;
    }

    /** Rows where no test was possible (see {@link MetricComparison#untestable}). */
    public long untestable() {
        return rows.stream().filter(MetricComparison::untestable).count();
    }

    /**
     * A run-level line saying why rows could not be tested, or empty when every row could. Forks are the samples,
     * so one fork on a side leaves no variance to test against, and a row-level "n/a" repeated 37 times does not
     * tell a user what to do.
     */
    public java.util.Optional<String> untestableNote() {
        long fewForks = rows.stream().filter(r -> r.untestable()
                && Math.min(r.change().baselineForks(), r.change().candidateForks()) < ForkWelchTest.MIN_FORKS).count();
        if (fewForks == 0) {
            long other = untestable();
            return other == 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(other + " of " + rows.size() + " rows could not be tested (see their reason)");
        }
        int fewest = rows.stream().filter(MetricComparison::untestable)
                .mapToInt(r -> Math.min(r.change().baselineForks(), r.change().candidateForks())).min().orElse(0);
        String forks = fewest + (fewest == 1 ? " fork" : " forks");
        return java.util.Optional.of(fewForks == rows.size()
                ? forks + " per side: no test is possible; rerun with -f ≥ " + ForkWelchTest.MIN_FORKS
                : fewForks + " of " + rows.size() + " rows: " + forks + " on a side, not tested; rerun with -f ≥ "
                        + ForkWelchTest.MIN_FORKS);
    }

    /**
     * The one row order of the table, md and HTML outputs: by verdict (regressed, improved, inconclusive,
     * unchanged); regressions and improvements largest change first, since that is where to look; the rest by
     * benchmark, mode and params (numbers by value, {@link dev.oktyv.analysis.model.ParamOrder}), then metric.
     */
    public List<MetricComparison> regressionsFirst() {
        return rows.stream().sorted(Comparator.comparingInt((MetricComparison r) -> rank(r.verdict()))
                .thenComparing(r -> r.verdict() == Verdict.REGRESSED || r.verdict() == Verdict.IMPROVED
                        ? -Math.abs(Double.isNaN(r.observedChange()) ? 0 : r.observedChange()) : 0)
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
