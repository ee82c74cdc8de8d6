package dev.oktyv.system.monitoring;

import java.util.List;

/** Every metric of a collector at one moment, sorted by name then labels, ready for an exposition format. */
public record MetricsSnapshot(List<Counter> counters, List<Summary> summaries) {

    public MetricsSnapshot {
        counters = List.copyOf(counters);
        summaries = List.copyOf(summaries);
    }

    public record Counter(MetricKey key, long value) {
    }

    /** Statistics since start, so that {@code _count} and {@code _sum} are monotonic as Prometheus requires. */
    public record Summary(MetricKey key, MetricStats stats) {
    }
}
