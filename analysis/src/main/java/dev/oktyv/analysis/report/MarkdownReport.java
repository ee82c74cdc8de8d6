package dev.oktyv.analysis.report;

import dev.oktyv.analysis.compare.Fmt;
import dev.oktyv.analysis.compare.MarkdownWriter;
import dev.oktyv.analysis.latency.LatencyLog;
import dev.oktyv.analysis.model.BenchmarkResult;
import dev.oktyv.analysis.rules.RuleResult;
import dev.oktyv.analysis.rules.RuleResultWriter;
import dev.oktyv.analysis.rules.Severity;
import java.util.List;

/** {@code report.md}: what a reviewer pastes into a pull request; charts stay in report.html. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String write(ReportInput in) {
        StringBuilder sb = new StringBuilder("## Benchmark report: run `").append(in.run().name()).append("`\n\n");
        dev.oktyv.analysis.compare.RunComparator.jvmDisagreement("", in.run()).ifPresent(w ->
                sb.append("> ⚠ ").append(Fmt.md(w)).append("\n\n"));
        in.comparison().ifPresent(c -> sb.append(new MarkdownWriter().write(c)).append('\n'));
        List<RuleResult> notable = in.recommendations().stream().filter(r -> r.applicable() && r.severity().compareTo(Severity.INFO) >= 0).toList();
        sb.append("### Recommendations\n\n");
        if (notable.isEmpty()) {
            sb.append("No rule reached INFO or above.\n\n");
        } else {
            sb.append(RuleResultWriter.markdown(notable, in.run().folder().path())).append('\n');
        }
        long na = in.recommendations().stream().filter(r -> !r.applicable()).count();
        if (na > 0) {
            sb.append("<details><summary>").append(na).append(" rules not applicable</summary>\n\n");
            in.recommendations().stream().filter(r -> !r.applicable())
                    .forEach(r -> sb.append("- ").append(r.title()).append(": ").append(r.notApplicable().orElseThrow()).append('\n'));
            sb.append("\n</details>\n\n");
        }
        if (!in.run().results().isEmpty()) {
            sb.append("### Scores\n\n| benchmark | score | unit |\n|---|---:|---|\n");
            for (BenchmarkResult r : in.run().results()) {
                sb.append("| ").append(Fmt.md(r.id().label())).append(" | ")
                        .append(Fmt.scoreWithError(r.primary().score(), r.primary().error())).append(" | ").append(r.primary().unit()).append(" |\n");
            }
            sb.append('\n');
        }
        if (!in.latencyByScenario().isEmpty()) {
            sb.append("### Load latency (ms)\n\n").append(LatencyTable.markdown(in.latencyByScenario())).append('\n');
        }
        sb.append("Charts, flame-graph links and evidence: `report.html` in the run folder.\n");
        return sb.toString();
    }
}
