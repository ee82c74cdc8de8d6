package dev.oktyv.system.api;

/**
 * A token-bucket shape: up to {@code capacity} requests in a burst, refilled at {@code refillPerSecond}.
 * Over any interval of length T a bucket grants at most {@code capacity + refillPerSecond * T} permits.
 */
public record RateLimit(int capacity, double refillPerSecond) {

    public RateLimit {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        if (!(refillPerSecond > 0) || Double.isInfinite(refillPerSecond)) {
            throw new IllegalArgumentException("refillPerSecond must be a positive finite number, was " + refillPerSecond);
        }
    }
}
