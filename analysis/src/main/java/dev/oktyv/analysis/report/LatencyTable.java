package dev.oktyv.analysis.report;

import dev.oktyv.analysis.compare.Fmt;
import dev.oktyv.analysis.latency.LatencyLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The whole-run percentiles of every load scenario and tag, in milliseconds: one table for report.md and report.html. */
final class LatencyTable {

    static final double[] COLUMNS = {50, 90, 99, 99.9, 99.99};

    private LatencyTable() {
    }

    /** @param millis latency at each of {@link #COLUMNS}, then the maximum */
    record Row(String scenario, String tag, double[] millis, long count) {
    }

    static List<Row> rows(Map<String, LatencyLog> logs) {
        List<Row> out = new ArrayList<>();
        new TreeMap<>(logs).forEach((s, log) -> log.byTag().keySet().forEach(tag -> log.total(tag).ifPresent(h -> {
            double[] ms = new double[COLUMNS.length + 1];
            for (int i = 0; i < COLUMNS.length; i++) {
                ms[i] = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(COLUMNS[i]) / 1e6;
            }
            ms[COLUMNS.length] = h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1e6;
            out.add(new Row(s, tag, ms, h.getTotalCount()));
        })));
        return out;
    }

    static String header() {
        StringBuilder sb = new StringBuilder();
        for (double c : COLUMNS) {
            sb.append('p').append(Fmt.plain(c)).append('\u0000');
        }
        return sb.append("max").toString();
    }

    static String markdown(Map<String, LatencyLog> logs) {
        StringBuilder sb = new StringBuilder("| scenario | tag | ").append(header().replace("\u0000", " | ")).append(" | count |\n|---|---|");
        sb.append("---:|".repeat(COLUMNS.length + 2)).append('\n');
        for (Row r : rows(logs)) {
            sb.append("| ").append(Fmt.md(r.scenario())).append(" | ").append(r.tag()).append(" | ");
            for (double v : r.millis()) {
                sb.append(ms(v)).append(" | ");
            }
            sb.append(r.count()).append(" |\n");
        }
        return sb.toString();
    }

    static String html(Map<String, LatencyLog> logs) {
        StringBuilder sb = new StringBuilder("<table class=\"percentiles\"><tr><th>scenario</th><th>tag</th><th>")
                .append(header().replace("\u0000", " (ms)</th><th>")).append(" (ms)</th><th>requests</th></tr>\n");
        for (Row r : rows(logs)) {
            sb.append("<tr><td>").append(Fmt.html(r.scenario())).append("</td><td>").append(Fmt.html(r.tag())).append("</td>");
            for (double v : r.millis()) {
                sb.append("<td class=\"n\">").append(ms(v)).append("</td>");
            }
            sb.append("<td class=\"n\">").append(r.count()).append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
