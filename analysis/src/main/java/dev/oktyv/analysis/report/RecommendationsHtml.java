package dev.oktyv.analysis.report;

import dev.oktyv.analysis.compare.Fmt;
import dev.oktyv.analysis.rules.Evidence;
import dev.oktyv.analysis.rules.RuleResult;
import dev.oktyv.analysis.rules.RuleResultWriter;
import dev.oktyv.analysis.rules.Severity;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The recommendations section of report.html: findings first, most severe first, each with its evidence; rules
 * that found nothing and rules that did not apply are folded into one line each, so eleven quiet rules do not
 * push the one finding off the screen.
 */
final class RecommendationsHtml {

    private RecommendationsHtml() {
    }

    static void write(StringBuilder sb, List<RuleResult> results, Path dir) {
        sb.append("<h2>Recommendations</h2>\n");
        List<RuleResult> findings = results.stream().filter(r -> r.applicable() && r.severity() != Severity.OK)
                .sorted(Comparator.comparing(RuleResult::severity).reversed()).toList();
        List<RuleResult> quiet = results.stream().filter(r -> r.applicable() && r.severity() == Severity.OK).toList();
        List<RuleResult> notApplicable = results.stream().filter(r -> !r.applicable()).toList();
        if (findings.isEmpty()) {
            sb.append("<p>No rule reached INFO or above.</p>\n");
        } else {
            sb.append("<table class=\"findings\"><tr><th>severity</th><th>rule</th><th>finding</th><th>impact bound</th></tr>\n");
            findings.forEach(r -> row(sb, r, dir));
            sb.append("</table>\n");
        }
        folded(sb, "folded-ok", quiet.size() + " rule" + (quiet.size() == 1 ? "" : "s") + " found nothing", quiet,
                r -> r.summary());
        folded(sb, "folded-na", notApplicable.size() + " rule" + (notApplicable.size() == 1 ? "" : "s") + " not applicable",
                notApplicable, r -> r.notApplicable().orElse(""));
    }

    private static void folded(StringBuilder sb, String cssClass, String summary, List<RuleResult> rules,
                               java.util.function.Function<RuleResult, String> detail) {
        if (rules.isEmpty()) {
            return;
        }
        sb.append("<details class=\"").append(cssClass).append("\"><summary>").append(Fmt.html(summary)).append(": ")
                .append(Fmt.html(rules.stream().map(RuleResult::title).collect(Collectors.joining(", "))))
                .append("</summary><ul>");
        rules.forEach(r -> sb.append("<li>").append(Fmt.html(r.title())).append(": ").append(Fmt.html(detail.apply(r))).append("</li>"));
        sb.append("</ul></details>\n");
    }

    private static void row(StringBuilder sb, RuleResult r, Path dir) {
        sb.append("<tr><td class=\"sev-").append(r.severity().wireName()).append("\">").append(r.severity().wireName())
                .append("</td><td>").append(Fmt.html(r.title())).append("</td><td>").append(Fmt.html(r.summary()));
        sb.append("<details><summary>evidence, why, fix</summary><ul>");
        for (Evidence e : r.evidence()) {
            String src = RuleResultWriter.relative(dir, e.source()).replace('\\', '/');
            sb.append("<li>").append(Fmt.html(e.subject())).append(": ").append(Fmt.html(e.quantity())).append(" = ")
                    .append(Fmt.score(e.value())).append(' ').append(Fmt.html(e.unit())).append(" (<a href=\"")
                    .append(Fmt.html(src)).append("\">").append(Fmt.html(src)).append("</a>)</li>");
        }
        sb.append("</ul><p><b>Why:</b> ").append(Fmt.html(r.explanation())).append("</p><p><b>Fix:</b> ")
                .append(Fmt.html(r.fix())).append("</p><p><b>Thresholds:</b> ")
                .append(Fmt.html(r.thresholds().stream().map(t -> t.name() + " " + Fmt.score(t.value()) + t.unit())
                        .collect(Collectors.joining("; ")))).append("</p></details>");
        sb.append("</td><td>").append(Fmt.html(r.impactBound().orElse(""))).append("</td></tr>\n");
    }
}
