package dev.oktyv.analysis.report;

import dev.oktyv.analysis.compare.Fmt;
import dev.oktyv.analysis.compare.HtmlWriter;
import dev.oktyv.analysis.latency.LatencyLog;
import dev.oktyv.analysis.model.BenchmarkResult;
import dev.oktyv.results.profile.ArtifactFormat;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.results.profile.ProfileArtifact;
import dev.oktyv.analysis.report.chart.Charts;
import dev.oktyv.analysis.rules.RuleResultWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code report.html}: one self-contained page, charts as inline SVG, no script and no network access. */
public final class HtmlReport {

    private static final int MAX_BARS_PER_CHART = 60;

    private HtmlReport() {
    }

    public static String write(ReportInput in) {
        Path dir = in.run().folder().path();
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Report ")
                .append(Fmt.html(in.run().name())).append("</title><style>").append(HtmlWriter.STYLE)
                .append(".sev-critical{background:#f8c9c4}.sev-warning{background:#fbeebf}.sev-info{background:#dbe9f8}"
                        + ".sev-ok{background:#eee}details{margin:2px 0}td:first-child{overflow-wrap:anywhere}td.n{white-space:nowrap}table.scores,table.percentiles{margin:6px 0 14px}"
                        + "svg{max-width:100%;height:auto}</style></head><body>\n");
        sb.append("<h1>Run ").append(Fmt.html(in.run().name())).append("</h1>\n");
        in.run().metadata().ifPresent(m -> sb.append("<p>commit ").append(Fmt.html(m.git().shortCommit()))
                .append(m.git().dirty() ? " (dirty)" : "").append(", status ").append(m.status().wireName()).append(", ")
                .append(Fmt.html(m.host().cpuModel().orElse("unknown cpu"))).append(", ").append(m.host().cores()).append(" cores, JVM ")
                .append(Fmt.html(m.jvm().version())).append("</p>\n"));
        dev.oktyv.analysis.compare.RunComparator.jvmDisagreement("", in.run()).ifPresent(w ->
                sb.append("<p class=\"warn\">⚠ ").append(Fmt.html(w)).append("</p>\n"));
        in.comparison().ifPresent(c -> sb.append(HtmlWriter.table(c, "")));
        // findings before the charts, in report.md's order: a reviewer reads the page top-down
        RecommendationsHtml.write(sb, in.recommendations(), dir);
        scores(sb, in.run().results());
        latency(sb, in.latencyByScenario());
        flameGraphs(sb, in, dir);
        return sb.append("</body></html>\n").toString();
    }

    private static void scores(StringBuilder sb, List<BenchmarkResult> results) {
        if (results.isEmpty()) {
            sb.append("<h2>Scores</h2><p>No JMH results in this run.</p>\n");
            return;
        }
        sb.append("<h2>Scores</h2>\n<p>Bars: score; whiskers: JMH's 99.9% error. An axis is logarithmic when its scores span "
                + "100× or more. The numbers are in the table below each chart.</p>\n");
        Map<String, List<BenchmarkResult>> byUnit = results.stream()
                .collect(Collectors.groupingBy(r -> r.primary().unit(), TreeMap::new, Collectors.toList()));
        byUnit.forEach((unit, rs) -> {
            for (int from = 0; from < rs.size(); from += MAX_BARS_PER_CHART) {
                List<Charts.Bar> bars = rs.subList(from, Math.min(rs.size(), from + MAX_BARS_PER_CHART)).stream()
                        .map(r -> new Charts.Bar(r.id().label(), r.primary().score(), r.primary().error())).toList();
                sb.append(Charts.bars("Scores", unit, bars));
            }
            sb.append("<table class=\"scores\"><tr><th>benchmark</th><th>score</th><th>± error</th><th>unit</th><th>forks</th></tr>\n");
            for (BenchmarkResult r : rs) {
                sb.append("<tr><td>").append(Fmt.html(r.id().label())).append("</td><td class=\"n\">").append(Fmt.score(r.primary().score()))
                        .append("</td><td class=\"n\">").append(Fmt.score(r.primary().error())).append("</td><td>")
                        .append(Fmt.html(unit)).append("</td><td class=\"n\">").append(r.forkCount()).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        });
    }

    private static void latency(StringBuilder sb, Map<String, LatencyLog> logs) {
        if (logs.isEmpty()) {
            return;
        }
        sb.append("<h2>Load latency</h2>\n<p><i>corrected</i>: from the intended start (no coordinated omission);"
                + " <i>service</i>: from the actual start.</p>\n").append(LatencyTable.html(logs));
        new TreeMap<>(logs).forEach((scenario, log) -> sb.append("<h3>").append(Fmt.html(scenario)).append("</h3>\n")
                .append(LatencyCharts.percentileDistribution(scenario, log))
                .append(LatencyCharts.throughputOverTime(scenario, log))
                .append(LatencyCharts.p99OverTime(scenario, log)));
    }

    private static void flameGraphs(StringBuilder sb, ReportInput in, Path dir) {
        List<ProfileArtifact> html = in.profiles().artifacts().stream()
                .filter(a -> a.format() == ArtifactFormat.FLAME_HTML
                        || a.format() == ArtifactFormat.FLAME_HTML_REVERSE).toList();
        if (html.isEmpty()) {
            return;
        }
        sb.append("<h2>Flame graphs</h2>\n<ul>\n");
        for (ProfileArtifact a : html) {
            String rel = RuleResultWriter.relative(dir, a.path()).replace('\\', '/');
            sb.append("<li><a href=\"").append(Fmt.html(rel)).append("\">").append(Fmt.html(a.workloadId())).append(' ')
                    .append(a.event().map(EventKind::id).orElse("jfr")).append(" fork ").append(a.fork())
                    .append(a.format() == ArtifactFormat.FLAME_HTML_REVERSE ? " (reverse)" : "").append("</a></li>\n");
        }
        sb.append("</ul>\n");
    }
}
