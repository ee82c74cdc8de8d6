package dev.oktyv.analysis.history;

import dev.oktyv.analysis.compare.Fmt;
import dev.oktyv.analysis.compare.HtmlWriter;
import dev.oktyv.analysis.report.chart.RunChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Text series with shift markers, and an HTML page with one SVG chart per benchmark. */
public final class HistoryWriter {

    private HistoryWriter() {
    }

    public static String text(List<BenchmarkHistory> histories, ChangePointDetector d) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "change points: windowed Welch test, window %d runs, alpha %s, minimum shift %.1f%%;"
                        + " the newest run's forks are tested against the runs before it%n", d.window(), d.alpha(), d.threshold() * 100));
        for (BenchmarkHistory h : histories) {
            sb.append('\n').append(h.id().label()).append("  [").append(h.unit()).append("]\n");
            for (int i = 0; i < h.points().size(); i++) {
                HistoryPoint p = h.points().get(i);
                int idx = i;
                String mark = h.shifts().stream().filter(c -> c.index() == idx).findFirst()
                        .map(c -> String.format(Locale.ROOT, "  <-- shift %s (p=%.2g)", Fmt.percent(c.change()), c.pValue())).orElse("");
                sb.append(String.format(Locale.ROOT, "  %s  %-10s %-32s %s%s%n", p.orderedBy().toString().substring(0, 19),
                        p.commit(), p.runId(), Fmt.scoreWithError(p.score(), p.error()), mark));
            }
            sb.append("  newest run: ").append(h.newest().describe()).append(h.newest().shifted() ? "  <-- newest" : "").append('\n');
        }
        if (histories.isEmpty()) {
            sb.append("no matching benchmarks in complete runs\n");
        }
        return sb.toString();
    }

    public static String html(List<BenchmarkHistory> histories, ChangePointDetector d) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Benchmark history</title>"
                + "<style>" + HtmlWriter.STYLE + "</style></head><body>\n<h1>Benchmark history</h1>\n");
        sb.append(String.format(Locale.ROOT, "<p>Runs ordered by commit date (run start when git does not know the commit);"
                + " whiskers: JMH's 99.9%% error. Red dashed lines: level shifts (windowed Welch test, window %d, α %s, ≥ %.1f%%).</p>%n",
                d.window(), d.alpha(), d.threshold() * 100));
        if (histories.isEmpty()) {
            sb.append("<p>No matching benchmarks in complete runs.</p>\n");
        }
        for (BenchmarkHistory h : histories) {
            List<HistoryPoint> ps = h.points();
            List<RunChart.Point> points = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                HistoryPoint p = ps.get(i);
                points.add(new RunChart.Point("#" + (i + 1), describe(p), p.score(), p.error()));
            }
            Set<Integer> shifts = new TreeSet<>();
            h.shifts().forEach(c -> shifts.add(c.index()));
            if (h.newest().shifted()) {
                shifts.add(ps.size() - 1);
            }
            sb.append("<h3>").append(Fmt.html(h.id().label())).append("</h3>\n")
                    .append("<p").append(h.newest().shifted() ? " style=\"color:#b00020\"" : "").append(">newest run: ")
                    .append(Fmt.html(h.newest().describe())).append("</p>\n")
                    .append(RunChart.of(h.id().label(), h.unit(), points, shifts));
            table(sb, h);
        }
        return sb.append("</body></html>\n").toString();
    }

    /** The numbers behind the chart: a reader can quote a run id, a commit and a score without hovering. */
    private static void table(StringBuilder sb, BenchmarkHistory h) {
        sb.append("<details><summary>values (").append(h.points().size()).append(" runs)</summary><table class=\"history\">")
                .append("<tr><th>#</th><th>run</th><th>commit</th><th>date</th><th>score ± error (").append(Fmt.html(h.unit()))
                .append(")</th><th>shift</th></tr>\n");
        for (int i = 0; i < h.points().size(); i++) {
            HistoryPoint p = h.points().get(i);
            int idx = i;
            String mark = h.shifts().stream().filter(c -> c.index() == idx).findFirst()
                    .map(c -> Fmt.percent(c.change())).orElse("");
            sb.append("<tr><td class=\"n\">").append(i + 1).append("</td><td>").append(Fmt.html(p.runId())).append("</td><td>")
                    .append(Fmt.html(p.commit())).append("</td><td>").append(p.orderedBy().toString(), 0, 10)
                    .append("</td><td class=\"n\">").append(Fmt.scoreWithError(p.score(), p.error())).append("</td><td>")
                    .append(mark).append("</td></tr>\n");
        }
        sb.append("</table></details>\n");
    }

    private static String describe(HistoryPoint p) {
        return "run " + p.runId() + ", commit " + p.commit() + (p.fromCommitDate() ? ", committed " : ", started ")
                + p.orderedBy().toString().substring(0, 10);
    }
}
