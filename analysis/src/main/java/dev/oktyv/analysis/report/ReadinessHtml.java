package dev.oktyv.analysis.report;

import dev.oktyv.analysis.compare.Fmt;
import dev.oktyv.analysis.compare.HtmlWriter;
import java.util.List;

/**
 * {@code report.html} of a readiness run: {@link ReadinessSections} as one self-contained page (no script, no
 * network). The phase rows carry {@code data-phase}, so the browser test finds all five.
 */
final class ReadinessHtml {

    private ReadinessHtml() {
    }

    static String write(ReadinessPages.Input in) {
        String title = ReadinessSections.title(in);
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Fmt.html(title)).append("</title><style>").append(HtmlWriter.STYLE)
                .append("p.verdict{font-size:1.3em;font-weight:bold}tr.status-ready td:nth-child(2){background:#d7f0d2}"
                        + "tr.status-not-ready td:nth-child(2){background:#f8c9c4}"
                        + "tr.status-not-run td:nth-child(2){background:#fbeebf}td{overflow-wrap:anywhere}"
                        + "table.phases td:first-child,table.criteria td:first-child{white-space:nowrap}"
                        + "table{margin:6px 0 14px}</style></head><body>\n<h1>").append(Fmt.html(title)).append("</h1>\n");
        boolean first = true;
        for (ReadinessSections.Section s : ReadinessSections.all(in)) {
            sb.append("<h").append(s.level() - 1).append('>').append(Fmt.html(s.heading())).append("</h")
                    .append(s.level() - 1).append(">\n");
            for (String p : s.paragraphs()) {
                sb.append(first ? "<p class=\"verdict\">" : "<p>").append(Fmt.html(p)).append("</p>\n");
                first = false;
            }
            if (!s.bullets().isEmpty()) {
                sb.append("<ul>");
                s.bullets().forEach(b -> sb.append("<li>").append(cell(b)).append("</li>"));
                sb.append("</ul>\n");
            }
            for (ReadinessSections.Table t : s.tables()) {
                table(sb, t, in);
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder sb, ReadinessSections.Table t, ReadinessPages.Input in) {
        sb.append("<table class=\"").append(Fmt.html(t.cssClass())).append("\">");
        if (!t.caption().isEmpty()) {
            sb.append("<caption>").append(Fmt.html(t.caption())).append("</caption>");
        }
        sb.append("<tr>");
        t.headers().forEach(h -> sb.append("<th>").append(Fmt.html(h)).append("</th>"));
        sb.append("</tr>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            String key = t.rowKeys().get(r);
            sb.append("<tr");
            if (!key.isEmpty()) {
                // the phase's status as a class, for the colour; its wire name for tests and scripts
                String status = in.report().phases().stream().filter(p -> p.phase().wireName().equals(key))
                        .map(p -> p.status().wireName()).findFirst().orElse("");
                sb.append(" class=\"phase status-").append(Fmt.html(status)).append("\" data-phase=\"")
                        .append(Fmt.html(key)).append('"');
            }
            sb.append('>');
            List<ReadinessSections.Cell> row = t.rows().get(r);
            row.forEach(c -> sb.append("<td>").append(cell(c)).append("</td>"));
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static String cell(ReadinessSections.Cell c) {
        return c.href().map(h -> "<a href=\"" + Fmt.html(h) + "\">" + Fmt.html(c.text()) + "</a>")
                .orElse(Fmt.html(c.text()));
    }
}
