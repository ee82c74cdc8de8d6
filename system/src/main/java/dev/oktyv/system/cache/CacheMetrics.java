package dev.oktyv.system.cache;

import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import dev.oktyv.system.monitoring.CounterMetric;
import dev.oktyv.system.monitoring.MetricKey;
import dev.oktyv.system.monitoring.MetricsCollector;

/**
 * Caffeine's statistics written straight into the {@link MetricsCollector} as counters labelled
 * {@code cache="<name>"}, so {@code /metrics} shows them without a poller: {@value #HITS}, {@value #MISSES},
 * {@value #EVICTIONS}, {@value #LOAD_FAILURES} and {@value #STALE_SERVED}. The collector's counters are also the
 * source of {@link #snapshot()} and {@link #counts()}: one set of numbers, never two that could disagree.
 */
final class CacheMetrics implements StatsCounter {

    static final String HITS = "oktyv_cache_hits";
    static final String MISSES = "oktyv_cache_misses";
    static final String EVICTIONS = "oktyv_cache_evictions";
    static final String LOAD_FAILURES = "oktyv_cache_load_failures";
    static final String STALE_SERVED = "oktyv_cache_stale_served";

    private final CounterMetric hits;
    private final CounterMetric misses;
    private final CounterMetric loadSuccesses;
    private final CounterMetric loadFailures;
    private final CounterMetric loadNanos;
    private final CounterMetric evictions;
    private final CounterMetric staleServed;

    CacheMetrics(MetricsCollector collector, String cacheName) {
        hits = collector.counter(MetricKey.of(HITS, "cache", cacheName));
        misses = collector.counter(MetricKey.of(MISSES, "cache", cacheName));
        loadFailures = collector.counter(MetricKey.of(LOAD_FAILURES, "cache", cacheName));
        evictions = collector.counter(MetricKey.of(EVICTIONS, "cache", cacheName));
        staleServed = collector.counter(MetricKey.of(STALE_SERVED, "cache", cacheName));
        loadSuccesses = collector.counter(MetricKey.of("oktyv_cache_load_successes", "cache", cacheName));
        loadNanos = collector.counter(MetricKey.of("oktyv_cache_load_nanoseconds", "cache", cacheName));
    }

    @Override
    public void recordHits(int count) {
        hits.increment(count);
    }

    @Override
    public void recordMisses(int count) {
        misses.increment(count);
    }

    @Override
    public void recordLoadSuccess(long loadTime) {
        loadSuccesses.increment();
        loadNanos.increment(Math.max(0, loadTime));
    }

    @Override
    public void recordLoadFailure(long loadTime) {
        loadFailures.increment();
        loadNanos.increment(Math.max(0, loadTime));
    }

    @Override
    public void recordEviction(int weight, RemovalCause cause) {
        // Caffeine reports only automatic removals here (SIZE, EXPIRED, COLLECTED), never explicit invalidation.
        evictions.increment();
    }

    void recordStaleServed() {
        staleServed.increment();
    }

    @Override
    public CacheStats snapshot() {
        return CacheStats.of(hits.value(), misses.value(), loadSuccesses.value(), loadFailures.value(),
                loadNanos.value(), evictions.value(), evictions.value());
    }

    CacheCounts counts() {
        return new CacheCounts(hits.value(), misses.value(), evictions.value(), loadFailures.value(),
                staleServed.value());
    }
}
