package dev.oktyv.system.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.time.NanoClock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A read-through cache (Caffeine) with a TTL, a size bound and optional stale serving, in front of one backend
 * lookup. Thread-safe.
 *
 * <p>Two Caffeine caches: {@code fresh} expires after the TTL and is what reads hit (its hit/miss/eviction
 * statistics are the honest ones); {@code lastGood}, present only when stale serving is on, keeps the same
 * values for TTL + stale retention and is read only when the backend has just failed with an exception that
 * {@code backendDown} accepts (an outage, not a bug such as a bad query, which is rethrown).
 *
 * <p>Why the write ordering in {@link #invalidate} is safe: a load runs inside Caffeine's per-key compute, and
 * Caffeine's removal of a key waits for a compute in progress on it. The loader writes {@code lastGood} inside
 * that compute, so once {@code fresh.invalidate} returns no load that read the old value can still be writing,
 * and the following {@code lastGood.invalidate} removes the last copy of it. A value this process has written
 * over is therefore never served, fresh or stale.
 */
public final class ReadThroughCache<K, V> {

    private record Entry<V>(V value, long loadedAtNanos) {
    }

    private final CacheConfig config;
    private final Function<K, V> loader;
    private final Predicate<RuntimeException> backendDown;
    private final NanoClock clock;
    private final CacheMetrics metrics;
    private final Cache<K, Entry<V>> fresh;
    private final Cache<K, Entry<V>> lastGood;

    /**
     * @param loader      the backend lookup; must not return null (use {@code Optional.empty()} for "absent")
     * @param backendDown which loader failures mean "backend unavailable" (eligible for stale serving)
     * @param clock       drives the TTL (Caffeine's {@link Ticker}); tests pass a {@code ManualTime}
     * @param maintenance where Caffeine runs evictions and removal bookkeeping; {@code Runnable::run} in tests makes
     *                    eviction counts deterministic
     */
    public ReadThroughCache(CacheConfig config, Function<K, V> loader, Predicate<RuntimeException> backendDown,
                            NanoClock clock, MetricsCollector collector, Executor maintenance) {
        this.config = Objects.requireNonNull(config, "config");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.backendDown = Objects.requireNonNull(backendDown, "backendDown");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = new CacheMetrics(Objects.requireNonNull(collector, "collector"), config.name());
        Ticker ticker = clock::nanoTime;
        this.fresh = Caffeine.newBuilder().ticker(ticker).executor(maintenance).maximumSize(config.maximumSize())
                .expireAfterWrite(config.ttl()).recordStats(() -> metrics).build();
        this.lastGood = config.servesStale()
                ? Caffeine.newBuilder().ticker(ticker).executor(maintenance).maximumSize(config.maximumSize())
                        .expireAfterWrite(config.ttl().plus(config.staleRetention())).build()
                : null;
    }

    /**
     * With the system clock; Caffeine's maintenance runs on the calling threads (amortised, and no handoff to the
     * common pool, whose threads the benchmarks share).
     */
    public ReadThroughCache(CacheConfig config, Function<K, V> loader, Predicate<RuntimeException> backendDown,
                            MetricsCollector collector) {
        this(config, loader, backendDown, NanoClock.SYSTEM, collector, Runnable::run);
    }

    public CacheConfig config() {
        return config;
    }

    /**
     * The cached value if fresh, else the backend's (cached on success). When the backend fails with a
     * {@code backendDown} exception and stale serving is on, an expired copy within the stale retention is
     * returned as {@link Freshness#STALE}; otherwise the backend's exception propagates unchanged.
     */
    public CacheRead<V> get(K key) {
        Objects.requireNonNull(key, "key");
        Entry<V> e;
        try {
            e = fresh.get(key, this::load);
        } catch (RuntimeException failure) {
            Optional<CacheRead<V>> stale = staleCopy(key, failure);
            if (stale.isPresent()) {
                return stale.get();
            }
            throw failure;
        }
        return new CacheRead<>(e.value(), Freshness.FRESH, age(e));
    }

    /** Call after the backend write succeeded or failed (a failed write may still have changed the row). */
    public void invalidate(K key) {
        Objects.requireNonNull(key, "key");
        fresh.invalidate(key);
        if (lastGood != null) {
            lastGood.invalidate(key);
        }
    }

    public void invalidateAll() {
        fresh.invalidateAll();
        if (lastGood != null) {
            lastGood.invalidateAll();
        }
    }

    /** Runs pending evictions now (Caffeine does it lazily); for tests and before reading counts. */
    public void cleanUp() {
        fresh.cleanUp();
        if (lastGood != null) {
            lastGood.cleanUp();
        }
    }

    public CacheCounts counts() {
        return metrics.counts();
    }

    private Entry<V> load(K key) {
        V value = Objects.requireNonNull(loader.apply(key), "the cache loader returned null; use Optional.empty()");
        Entry<V> e = new Entry<>(value, clock.nanoTime());
        if (lastGood != null) {
            lastGood.put(key, e);
        }
        return e;
    }

    private Optional<CacheRead<V>> staleCopy(K key, RuntimeException failure) {
        if (lastGood == null || !backendDown.test(failure)) {
            return Optional.empty();
        }
        Entry<V> e = lastGood.getIfPresent(key);
        if (e == null) {
            return Optional.empty();
        }
        metrics.recordStaleServed();
        return Optional.of(new CacheRead<>(e.value(), Freshness.STALE, age(e)));
    }

    private Duration age(Entry<V> e) {
        return Duration.ofNanos(Math.max(0, clock.nanoTime() - e.loadedAtNanos()));
    }
}
