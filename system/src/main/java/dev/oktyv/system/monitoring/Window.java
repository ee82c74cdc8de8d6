package dev.oktyv.system.monitoring;

/** Which recorded values a statistic covers. */
public enum Window {
    /** Everything recorded since the last {@link MetricsCollector#startNewInterval()} (or since start). */
    CURRENT_INTERVAL,
    /** Everything recorded since the collector was created. */
    SINCE_START
}
