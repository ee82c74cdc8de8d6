package dev.oktyv.analysis.compare;

import java.util.ArrayList;
import java.util.List;

/** Plain aligned text for a terminal; the default format. */
public final class TerminalTableWriter implements ComparisonWriter {

    @Override
    public String write(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append("baseline  ").append(c.baseline().runId()).append(" (").append(c.baseline().commit()).append(")\n");
        sb.append("candidate ").append(c.candidate().runId()).append(" (").append(c.candidate().commit()).append(")\n");
        sb.append(c.samplesLine()).append('\n');
        sb.append(String.format(java.util.Locale.ROOT, "threshold %.1f%%, alpha %s, allocation floor %s B/op, forks are the samples"
                        + " (Welch t on log fork means); MDE: smallest change called regressed with %d%% power%n",
                c.policy().threshold() * 100, c.policy().alpha(), Fmt.plain(c.policy().allocationFloorBytes()),
                dev.oktyv.analysis.stats.DetectableEffect.POWER_PERCENT));
        c.warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
        c.untestableNote().ifPresent(n -> sb.append("note: ").append(n).append('\n'));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark", "metric", "unit", "baseline", "candidate", "change", "CI", "verdict"});
        for (MetricComparison r : c.regressionsFirst()) {
            rows.add(new String[] {r.id().label(), r.metric(), r.unit(), Fmt.scoreWithError(r.baselineScore(), r.baselineError()),
                    Fmt.scoreWithError(r.candidateScore(), r.candidateError()), Fmt.observedChange(r),
                    Fmt.interval(r.change().lower(), r.change().upper()),
                    Fmt.verdict(r, c.policy().threshold()) + r.flameDiff().map(d -> " (diff: " + d + ")").orElse("")});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(pad(row[i], w[i])).append(i + 1 < row.length ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        c.added().forEach(id -> sb.append("added:   ").append(id.label()).append('\n'));
        c.removed().forEach(id -> sb.append("removed: ").append(id.label()).append('\n'));
        sb.append(String.format(java.util.Locale.ROOT, "%d regressed, %d improved, %d unchanged, %d inconclusive, %d added, %d removed%n",
                c.count(dev.oktyv.analysis.stats.Verdict.REGRESSED), c.count(dev.oktyv.analysis.stats.Verdict.IMPROVED),
                c.count(dev.oktyv.analysis.stats.Verdict.UNCHANGED), c.count(dev.oktyv.analysis.stats.Verdict.INCONCLUSIVE),
                c.added().size(), c.removed().size()));
        return sb.toString();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(w - s.length());
    }
}
