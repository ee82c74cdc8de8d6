package dev.oktyv.system.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * A value read through a {@link ReadThroughCache}, with how fresh it is.
 *
 * @param value     what the backend returned when the value was loaded (an {@code Optional.empty()} for "no such
 *                  row" is a value too, and is cached)
 * @param freshness {@link Freshness#STALE} only when the backend failed and an expired copy was served instead
 * @param age       time since the value was loaded from the backend, by the cache's clock
 */
public record CacheRead<V>(V value, Freshness freshness, Duration age) {

    public CacheRead {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(freshness, "freshness");
        Objects.requireNonNull(age, "age");
    }

    public boolean stale() {
        return freshness == Freshness.STALE;
    }
}
