package dev.oktyv.system.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ReadThroughCache} behaves.
 *
 * @param name           the cache's label on its metrics ({@code cache="name"}); letters, digits and underscores
 * @param ttl            how long a loaded value is served without asking the backend again; positive
 * @param maximumSize    entries kept at most (Caffeine evicts by frequency and recency beyond it); at least 1
 * @param staleRetention how long after its TTL a value may still be served, marked {@link Freshness#STALE}, when
 *                       the backend is down; {@link Duration#ZERO} never serves stale data (the default: serving
 *                       stale data changes what a read means, so the caller has to ask for it)
 */
public record CacheConfig(String name, Duration ttl, long maximumSize, Duration staleRetention) {

    public CacheConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(staleRetention, "staleRetention");
        if (!name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("cache name must be 1..64 letters, digits or '_', was '" + name + "'");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache " + name + ": ttl must be positive, was " + ttl);
        }
        if (maximumSize < 1) {
            throw new IllegalArgumentException("cache " + name + ": maximumSize must be >= 1, was " + maximumSize);
        }
        if (staleRetention.isNegative()) {
            throw new IllegalArgumentException("cache " + name + ": staleRetention must be >= 0, was " + staleRetention);
        }
    }

    /** A cache that never serves stale data. */
    public static CacheConfig of(String name, Duration ttl, long maximumSize) {
        return new CacheConfig(name, ttl, maximumSize, Duration.ZERO);
    }

    public CacheConfig withStaleRetention(Duration retention) {
        return new CacheConfig(name, ttl, maximumSize, retention);
    }

    public boolean servesStale() {
        return !staleRetention.isZero();
    }
}
