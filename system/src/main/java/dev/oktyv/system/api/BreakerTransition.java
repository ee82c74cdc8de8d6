package dev.oktyv.system.api;

import java.time.Instant;
import java.util.Objects;

/** A circuit breaker of {@code host} changed state at {@code at}. */
public record BreakerTransition(String host, BreakerState from, BreakerState to, Instant at) {

    public BreakerTransition {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
