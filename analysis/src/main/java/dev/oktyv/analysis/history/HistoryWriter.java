package dev.oktyv.analysis.history;

import dev.oktyv.analysis.compare.Fmt;
import dev.oktyv.analysis.report.chart.Charts;
import java.util.List;
import java.util.Locale;

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
                + "<style>body{font-family:system-ui,sans-serif;margin:1.5em}</style></head><body>\n<h1>Benchmark history</h1>\n");
        sb.append(String.format(Locale.ROOT, "<p>Runs ordered by commit date (run start when git does not know the commit)."
                + " Red dashed lines: level shifts (windowed Welch test, window %d, α %s, ≥ %.1f%%).</p>%n", d.window(), d.alpha(), d.threshold() * 100));
        for (BenchmarkHistory h : histories) {
            int n = h.points().size();
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i + 1;
            }
            double[] markers = java.util.stream.DoubleStream.concat(h.shifts().stream().mapToDouble(c -> c.index() + 0.5),
                    h.newest().shifted() ? java.util.stream.DoubleStream.of(n - 0.5) : java.util.stream.DoubleStream.empty()).toArray();
            sb.append("<h3>").append(Fmt.html(h.id().label())).append("</h3>\n")
                    .append("<p").append(h.newest().shifted() ? " style=\"color:#b00020\"" : "").append(">newest run: ")
                    .append(Fmt.html(h.newest().describe())).append("</p>\n")
                    .append(Charts.timeSeries(h.id().label(), "run (oldest → newest)", h.unit(),
                            List.of(new Charts.Series("score", x, h.scores())), markers, false));
        }
        return sb.append("</body></html>\n").toString();
    }
}
