package dev.oktyv.analysis.report;

import dev.oktyv.analysis.latency.LatencyLog;
import dev.oktyv.analysis.report.chart.Charts;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * Requests per second per interval. The first and the last logged interval straddle the edges of the measured
     * window (the sampler's tick before the window opens, the tick at stop), so their count covers only part of
     * their length; when they hold less than half the median interval's count they are left out, and the caption
     * says so, instead of drawing a drop to zero that the load never had.
     */
    static String throughputOverTime(String scenario, LatencyLog log) {
        String tag = log.byTag().containsKey(LatencyLog.CORRECTED) ? LatencyLog.CORRECTED
                : log.byTag().keySet().stream().findFirst().orElse(null);
        if (tag == null) {
            return "";
        }
        List<LatencyLog.Interval> is = log.byTag().get(tag);
        double t0 = start(log);
        double[] rate = is.stream().mapToDouble(in -> in.lengthSeconds() > 0 ? in.histogram().getTotalCount() / in.lengthSeconds() : Double.NaN).toArray();
        int from = 0;
        int to = is.size();
        double median = median(rate);
        // only the one interval at each edge: a run of empty intervals inside or at the end is a real outage
        if (is.size() > 2 && partial(rate[0], median)) {
            from++;
        }
        if (is.size() > 2 && partial(rate[to - 1], median)) {
            to--;
        }
        if (from == to) {
            return "";
        }
        double[] x = new double[to - from];
        double[] y = Arrays.copyOfRange(rate, from, to);
        for (int i = from; i < to; i++) {
            x[i - from] = is.get(i).startSeconds() - t0;
        }
        int left = is.size() - (to - from);
        String title = scenario + ": throughput" + (left > 0 ? " (" + left + " partial edge interval" + (left > 1 ? "s" : "") + " not drawn)" : "");
        return Charts.timeSeries(title, "seconds", "requests/s", List.of(new Charts.Series("requests", x, y)), false);
    }

    static String p99OverTime(String scenario, LatencyLog log) {
        List<Charts.Series> series = new ArrayList<>();
        double t0 = start(log);
        for (var e : log.byTag().entrySet()) {
            List<LatencyLog.Interval> is = e.getValue();
            double[] x = new double[is.size()];
            double[] y = new double[is.size()];
            for (int i = 0; i < x.length; i++) {
                LatencyLog.Interval in = is.get(i);
                x[i] = in.startSeconds() - t0;
                // an interval without requests has no p99: a gap in the line, not a zero
                y[i] = in.histogram().getTotalCount() == 0 ? Double.NaN : in.histogram().getValueAtPercentile(99) / 1e6;
            }
            series.add(new Charts.Series(e.getKey(), x, y));
        }
        return series.isEmpty() ? "" : Charts.timeSeries(scenario + ": p99 over time", "seconds", "ms", series, true);
    }

    private static double start(LatencyLog log) {
        return log.byTag().values().stream().flatMap(List::stream).mapToDouble(LatencyLog.Interval::startSeconds).min().orElse(0);
    }

    private static boolean partial(double rate, double median) {
        return !Double.isFinite(rate) || rate < median / 2;
    }

    private static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
