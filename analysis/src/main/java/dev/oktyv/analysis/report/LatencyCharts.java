package dev.oktyv.analysis.report;

import dev.oktyv.analysis.latency.LatencyLog;
import dev.oktyv.analysis.report.chart.Charts;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The three charts of one load scenario's latency.hlog. Values are nanoseconds in the log, milliseconds on charts. */
final class LatencyCharts {

    static final double[] PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999};

    private LatencyCharts() {
    }

    static String percentileDistribution(String scenario, LatencyLog log) {
        List<Charts.Series> series = new ArrayList<>();
        for (String tag : log.byTag().keySet()) {
            Histogram h = log.total(tag).orElseThrow();
            if (h.getTotalCount() == 0) {
                continue;
            }
            double[] y = new double[PERCENTILES.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = h.getValueAtPercentile(PERCENTILES[i]) / 1e6;
            }
            series.add(new Charts.Series(tag, PERCENTILES, y));
        }
        return series.isEmpty() ? "" : Charts.percentiles(scenario + ": latency by percentile", "ms", series);
    }

    static String throughputOverTime(String scenario, LatencyLog log) {
        return overTime(scenario + ": throughput", "requests/s", log, false);
    }

    static String p99OverTime(String scenario, LatencyLog log) {
        return overTime(scenario + ": p99 over time", "ms", log, true);
    }

    private static String overTime(String title, String unit, LatencyLog log, boolean p99) {
        List<Charts.Series> series = new ArrayList<>();
        double t0 = log.byTag().values().stream().flatMap(List::stream).mapToDouble(LatencyLog.Interval::startSeconds).min().orElse(0);
        for (var e : log.byTag().entrySet()) {
            if (!p99 && e.getKey().equals(LatencyLog.SERVICE) && log.byTag().containsKey(LatencyLog.CORRECTED)) {
                continue; // both tags count the same requests; one throughput line is enough
            }
            List<LatencyLog.Interval> is = e.getValue();
            double[] x = new double[is.size()];
            double[] y = new double[is.size()];
            for (int i = 0; i < x.length; i++) {
                LatencyLog.Interval in = is.get(i);
                x[i] = in.startSeconds() - t0;
                y[i] = p99 ? (in.histogram().getTotalCount() == 0 ? Double.NaN : in.histogram().getValueAtPercentile(99) / 1e6)
                        : in.lengthSeconds() > 0 ? in.histogram().getTotalCount() / in.lengthSeconds() : Double.NaN;
            }
            series.add(new Charts.Series(p99 ? e.getKey() : "requests", x, y));
        }
        return series.isEmpty() ? "" : Charts.timeSeries(title, "seconds", unit, series, new double[0], p99);
    }
}
