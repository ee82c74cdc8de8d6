package dev.oktyv.bench.load.scenario;

import dev.oktyv.system.cache.CacheConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code load --cache on|off}: whether the scenarios whose reads have a read-through cache in the engine
 * ({@link CachedReads}) put it in front of them, so one run of each shows the cache's effect under load.
 * Off by default, as in the engines: a cache changes what a read means (a value may be up to the TTL old).
 */
public enum CacheSetting {
    ON, OFF;

    /** Long enough that a load run never sees an entry expire: the effect measured is the hit path's. */
    static final Duration TTL = Duration.ofMinutes(10);

    /** The cache to use, sized for {@code entries} distinct keys; empty when off. */
    public Optional<CacheConfig> config(String name, long entries) {
        return this == ON ? Optional.of(CacheConfig.of(name, TTL, entries)) : Optional.empty();
    }

    /** For scenario descriptions, so the console and summary say which half of the pair a run is. */
    public String describe() {
        return this == ON ? "read-through cache on (Caffeine, TTL " + TTL.toMinutes() + " min)" : "cache off";
    }
}
