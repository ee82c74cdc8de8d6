package dev.oktyv.system.api;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** Circuit-breaker states the client exposes; Resilience4j's extra manual states map to the nearest one. */
public enum BreakerState {
    CLOSED, OPEN, HALF_OPEN;

    static BreakerState of(CircuitBreaker.State state) {
        switch (state) {
            case CLOSED:
            case DISABLED:
            case METRICS_ONLY:
                return CLOSED;
            case HALF_OPEN:
                return HALF_OPEN;
            default:
                return OPEN;
        }
    }
}
