package dev.oktyv.system.monitoring.alert;

import dev.oktyv.system.monitoring.MetricKey;
import dev.oktyv.system.monitoring.MetricStats;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.Window;
import java.time.Instant;
import java.util.Objects;

/** Reads one number from a collector: a statistic of a tracked series over a window, or a counter's value. */
public record MetricQuery(MetricKey key, Statistic statistic, Window window) implements AlertExpression {

    public MetricQuery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(window, "window");
    }

    public static MetricQuery counter(String name) {
        return new MetricQuery(MetricKey.of(name), Statistic.COUNTER, Window.SINCE_START);
    }

    public static MetricQuery of(String name, Statistic statistic, Window window) {
        return new MetricQuery(MetricKey.of(name), statistic, window);
    }

    @Override
    public double evaluate(MetricsCollector collector, Instant now) {
        return read(collector);
    }

    /** The value, or NaN when the series has no data (never tracked, or a counter never created): unknown, not zero. */
    public double read(MetricsCollector collector) {
        if (statistic == Statistic.COUNTER) {
            return collector.findCounter(key).map(c -> (double) c.value()).orElse(Double.NaN);
        }
        MetricStats s = collector.stats(key, window);
        return statistic.of(s);
    }

    @Override
    public String toString() {
        return statistic + "(" + key.name() + (key.labels().isEmpty() ? "" : key.labels().toString()) + ", " + window + ")";
    }
}
