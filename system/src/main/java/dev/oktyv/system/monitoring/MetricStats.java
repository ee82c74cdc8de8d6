package dev.oktyv.system.monitoring;

import org.HdrHistogram.AbstractHistogram;

/**
 * Statistics of one tracked metric over one {@link Window}, in the metric's unit. With no values, {@code count}
 * is 0 and every other field is NaN (there is no minimum of nothing). Values are exact to the collector's
 * {@link MetricsOptions#significantDigits() relative precision}.
 */
public record MetricStats(long count, double min, double max, double mean,
                          double p50, double p95, double p99, double p999) {

    public static final MetricStats EMPTY = new MetricStats(0, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static MetricStats of(AbstractHistogram h, long scale) {
        long count = h.getTotalCount();
        if (count == 0) {
            return EMPTY;
        }
        double s = scale;
        return new MetricStats(count, h.getMinValue() / s, h.getMaxValue() / s, h.getMean() / s,
                h.getValueAtPercentile(50) / s, h.getValueAtPercentile(95) / s,
                h.getValueAtPercentile(99) / s, h.getValueAtPercentile(99.9) / s);
    }

    /** The sum of the values, from the histogram (so within its precision); NaN with no values. */
    public double sum() {
        return count == 0 ? Double.NaN : mean * count;
    }
}
