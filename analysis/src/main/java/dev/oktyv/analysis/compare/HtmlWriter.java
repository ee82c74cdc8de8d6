package dev.oktyv.analysis.compare;

/** A self-contained HTML page (no scripts, no network): the comparison table with verdict colours. */
public final class HtmlWriter implements ComparisonWriter {

    public static final String STYLE = "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}"
            + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums}"
            + "tr.regressed td.v{background:#f8c9c4}tr.improved td.v{background:#c8efc8}"
            + "tr.inconclusive td.v{background:#fbeebf}tr.unchanged td.v{background:#eee}"
            + ".warn{color:#a04000}";

    private final String linkPrefix;

    public HtmlWriter() {
        this("");
    }

    /** @param linkPrefix path from where the page is written to the candidate run folder, ending in '/', or "" */
    public HtmlWriter(String linkPrefix) {
        this.linkPrefix = linkPrefix;
    }

    @Override
    public String write(Comparison c) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Benchmark comparison</title>"
                + "<style>" + STYLE + "</style></head><body>\n" + table(c, linkPrefix) + "</body></html>\n";
    }

    /** The comparison as an HTML fragment; links are made relative to {@code linkPrefix}. */
    public static String table(Comparison c, String linkPrefix) {
        StringBuilder sb = new StringBuilder();
        sb.append("<h2>Comparison ").append(Fmt.html(c.baseline().runId())).append(" → ")
                .append(Fmt.html(c.candidate().runId())).append("</h2>\n");
        sb.append(String.format(java.util.Locale.ROOT, "<p>threshold %.1f%%, α %s, allocation floor %s B/op; forks are the independent"
                + " samples (Welch's t on log fork means); MDE: smallest change called regressed with %d%% power</p>\n",
                c.policy().threshold() * 100, c.policy().alpha(), Fmt.plain(c.policy().allocationFloorBytes()),
                dev.oktyv.analysis.stats.DetectableEffect.POWER_PERCENT));
        sb.append("<p>").append(Fmt.html(c.samplesLine())).append("</p>\n");
        c.warnings().forEach(w -> sb.append("<p class=\"warn\">⚠ ").append(Fmt.html(w)).append("</p>\n"));
        c.untestableNote().ifPresent(n -> sb.append("<p class=\"warn\">ℹ ").append(Fmt.html(n)).append("</p>\n"));
        sb.append("<table><tr><th>verdict</th><th>benchmark</th><th>metric</th><th>baseline</th><th>candidate</th>"
                + "<th>change</th><th>CI</th><th>why</th></tr>\n");
        for (MetricComparison r : c.regressionsFirst()) {
            sb.append("<tr class=\"").append(r.verdict().wireName()).append("\"><td class=\"v\">")
                    .append(Fmt.html(Fmt.verdict(r, c.policy().threshold())))
                    .append(r.flameDiff().map(d -> " <a href=\"" + Fmt.html(linkPrefix + d) + "\">diff flame graph</a>").orElse(""))
                    .append("</td><td>").append(Fmt.html(r.id().label())).append("</td><td>").append(Fmt.html(r.metric()))
                    .append("</td><td class=\"n\">").append(Fmt.html(Fmt.scoreWithError(r.baselineScore(), r.baselineError())
                            + " " + r.unit()))
                    .append("</td><td class=\"n\">").append(Fmt.html(Fmt.scoreWithError(r.candidateScore(), r.candidateError())
                            + " " + r.unit()))
                    .append("</td><td class=\"n\">").append(Fmt.html(Fmt.observedChange(r)))
                    .append("</td><td class=\"n\">").append(Fmt.interval(r.change().lower(), r.change().upper()))
                    .append("</td><td>").append(Fmt.html(r.why())).append("</td></tr>\n");
        }
        sb.append("</table>\n");
        if (!c.added().isEmpty() || !c.removed().isEmpty()) {
            sb.append("<ul>");
            c.added().forEach(id -> sb.append("<li>added: ").append(Fmt.html(id.label())).append("</li>"));
            c.removed().forEach(id -> sb.append("<li>removed: ").append(Fmt.html(id.label())).append("</li>"));
            sb.append("</ul>\n");
        }
        return sb.toString();
    }
}
