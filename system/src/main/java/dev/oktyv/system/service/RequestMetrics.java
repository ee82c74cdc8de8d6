package dev.oktyv.system.service;

import dev.oktyv.system.monitoring.HistogramMetric;
import dev.oktyv.system.monitoring.MetricKey;
import dev.oktyv.system.monitoring.MetricsCollector;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Times every request into {@value #METRIC} by route pattern and status class (1xx..5xx). Handles are created on
 * first use and cached per (route, class), so the request path does no map lookup and builds no key.
 */
final class RequestMetrics {

    static final String METRIC = "oktyv_http_request_duration_seconds";
    static final String UNMATCHED = "unmatched";

    private final MetricsCollector collector;
    private final String[] labels; // one per route, plus UNMATCHED last
    private final AtomicReferenceArray<HistogramMetric> handles;

    RequestMetrics(MetricsCollector collector, RouteTable routes) {
        this.collector = collector;
        int n = routes.routes().size();
        this.labels = new String[n + 1];
        for (int i = 0; i < n; i++) {
            labels[i] = routes.routes().get(i).label();
        }
        labels[n] = UNMATCHED;
        this.handles = new AtomicReferenceArray<>((n + 1) * 5);
    }

    int unmatchedIndex() {
        return labels.length - 1;
    }

    void record(int routeIndex, int status, long nanos) {
        int statusClass = Math.min(5, Math.max(1, status / 100));
        int slot = routeIndex * 5 + statusClass - 1;
        HistogramMetric h = handles.get(slot);
        if (h == null) {
            h = collector.histogram(MetricKey.of(METRIC, "route", labels[routeIndex], "status", statusClass + "xx"));
            handles.set(slot, h);
        }
        h.record(nanos / 1e9);
    }
}
