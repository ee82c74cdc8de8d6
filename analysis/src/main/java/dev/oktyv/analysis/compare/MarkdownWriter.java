package dev.oktyv.analysis.compare;

import dev.oktyv.analysis.stats.Verdict;
import java.util.Locale;

/** A compact table for a pull-request comment or a CI step summary; regressions first. */
public final class MarkdownWriter implements ComparisonWriter {

    private final String linkPrefix;

    public MarkdownWriter() {
        this("");
    }

    /** @param linkPrefix path from where the file is written to the candidate run folder, ending in '/', or "" */
    public MarkdownWriter(String linkPrefix) {
        this.linkPrefix = linkPrefix;
    }

    @Override
    public String write(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append("### Benchmark comparison: `").append(c.baseline().commit()).append("` → `")
                .append(c.candidate().commit()).append("`\n\n");
        sb.append(String.format(Locale.ROOT, "**%d regressed**, %d improved, %d unchanged, %d inconclusive"
                        + " (threshold %.1f%%, α %s, allocation floor %s B/op; forks are the samples;"
                        + " MDE: smallest change called regressed with %d%% power)%n%n",
                c.count(Verdict.REGRESSED), c.count(Verdict.IMPROVED), c.count(Verdict.UNCHANGED),
                c.count(Verdict.INCONCLUSIVE), c.policy().threshold() * 100, c.policy().alpha(),
                Fmt.plain(c.policy().allocationFloorBytes()), dev.oktyv.analysis.stats.DetectableEffect.POWER_PERCENT));
        sb.append(Fmt.md(c.samplesLine())).append("\n\n");
        c.untestableNote().ifPresent(n -> sb.append("> ℹ ").append(Fmt.md(n)).append("\n\n"));
        c.warnings().forEach(w -> sb.append("> ⚠ ").append(Fmt.md(w)).append("\n"));
        if (!c.warnings().isEmpty()) {
            sb.append('\n');
        }
        sb.append("| verdict | benchmark | metric | baseline | candidate | change (CI) |\n");
        sb.append("|---|---|---|---:|---:|---|\n");
        for (MetricComparison r : c.regressionsFirst()) {
            sb.append("| ").append(icon(r.verdict())).append(' ').append(Fmt.verdict(r, c.policy().threshold()))
                    .append(r.flameDiff().map(d -> " ([diff](" + linkPrefix + d + "))").orElse(""))
                    .append(" | ").append(Fmt.md(r.id().label())).append(" | ").append(Fmt.md(r.metric()))
                    .append(" | ").append(Fmt.scoreWithError(r.baselineScore(), r.baselineError())).append(' ').append(Fmt.md(r.unit()))
                    .append(" | ").append(Fmt.scoreWithError(r.candidateScore(), r.candidateError())).append(' ').append(Fmt.md(r.unit()))
                    .append(" | ").append(Fmt.observedChange(r)).append(' ')
                    .append(Fmt.interval(r.change().lower(), r.change().upper())).append(" |\n");
        }
        if (!c.added().isEmpty() || !c.removed().isEmpty()) {
            sb.append('\n');
            c.added().forEach(id -> sb.append("- added: ").append(Fmt.md(id.label())).append('\n'));
            c.removed().forEach(id -> sb.append("- removed: ").append(Fmt.md(id.label())).append('\n'));
        }
        return sb.toString();
    }

    static String icon(Verdict v) {
        return switch (v) {
            case REGRESSED -> "🔴";
            case IMPROVED -> "🟢";
            case UNCHANGED -> "⚪";
            case INCONCLUSIVE -> "🟡";
        };
    }
}
