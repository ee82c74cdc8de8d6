package dev.oktyv.system.monitoring.alert;

import dev.oktyv.system.monitoring.MetricStats;

/** Which number of a tracked metric a rule watches; {@link #COUNTER} reads a counter instead. */
public enum Statistic {
    COUNT, MIN, MAX, MEAN, P50, P95, P99, P999, COUNTER;

    double of(MetricStats s) {
        return switch (this) {
            case COUNT -> s.count();
            case MIN -> s.min();
            case MAX -> s.max();
            case MEAN -> s.mean();
            case P50 -> s.p50();
            case P95 -> s.p95();
            case P99 -> s.p99();
            case P999 -> s.p999();
            case COUNTER -> throw new IllegalStateException("COUNTER is not a histogram statistic");
        };
    }
}
