package dev.oktyv.bench.load.thresholds;

import dev.oktyv.results.load.ThresholdOutcome;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Evaluates thresholds against a finished run. Percentiles come from the whole-run histogram, so any percentile
 * can be asked for, not only those in {@code summary.json}.
 */
public final class ThresholdEvaluator {

    /**
     * The figures a threshold can read; {@code latency} is corrected when applicable, else service time;
     * {@code droppedRate} from {@link #droppedRate}.
     */
    public record Observations(Histogram latency, boolean corrected, double errorRate, long dropped,
                               double droppedRate, double achievedPerSecond) {
    }

    private ThresholdEvaluator() {
    }

    public static List<ThresholdOutcome> evaluate(List<Threshold> thresholds, Observations o) {
        List<ThresholdOutcome> out = new ArrayList<>();
        for (Threshold t : thresholds) {
            double observed = observe(t.metric(), o);
            String metricName = t.metric().unit() == Metric.Unit.MICROS
                    ? t.metric().name() + (o.corrected() ? " (corrected)" : " (service time)") : t.metric().name();
            out.add(new ThresholdOutcome(t.expression(), metricName, observed, t.test(observed)));
        }
        return out;
    }

    /**
     * Dropped starts over intended starts ({@code measured + dropped}). NaN without an intended rate: with no
     * schedule nothing can fall behind it, and 0% would read as "kept up"; NaN too when nothing was intended.
     */
    public static double droppedRate(long measured, long dropped, boolean intendedRate) {
        long intended = measured + dropped;
        return !intendedRate || intended == 0 ? Double.NaN : (double) dropped / intended;
    }

    static double observe(Metric metric, Observations o) {
        Histogram h = o.latency();
        boolean empty = h == null || h.getTotalCount() == 0;
        if (metric instanceof Metric.Percentile p) {
            return empty ? Double.NaN : h.getValueAtPercentile(p.percentile()) / 1000.0;
        } else if (metric instanceof Metric.Mean) {
            return empty ? Double.NaN : h.getMean() / 1000.0;
        } else if (metric instanceof Metric.Max) {
            return empty ? Double.NaN : h.getMaxValue() / 1000.0;
        } else if (metric instanceof Metric.ErrorRate) {
            return o.errorRate();
        } else if (metric instanceof Metric.Dropped) {
            return o.dropped();
        } else if (metric instanceof Metric.DroppedRate) {
            return o.droppedRate();
        } else if (metric instanceof Metric.Rate) {
            return o.achievedPerSecond();
        }
        throw new AssertionError(metric);
    }
}
