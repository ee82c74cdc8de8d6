package dev.oktyv.system.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Capped, jittered exponential backoff. Retry {@code n} (1-based) waits
 * {@code base = min(maxBackoff, initialBackoff * 2^(n-1))}, then {@code base * (1 - jitter + jitter * u)} with
 * {@code u} in [0, 1) from the {@link JitterSource}: the jitter only shortens the wait, so the cap is a hard cap
 * and clients that failed together spread out instead of retrying in lock-step.
 *
 * @param maxAttempts    requests in total, including the first (1 = never retry)
 * @param jitterFraction share of the wait that is randomised, in [0, 1]
 * @param maxRetryAfter  the longest server-requested {@code Retry-After} the client will wait inside one call;
 *                       a longer one ends the call with the server's response
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitterFraction,
                          Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), 0.5, Duration.ofSeconds(30));
    public static final RetryPolicy NONE =
            new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), 0, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be in [1, 20], was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive, was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is below initialBackoff " + initialBackoff);
        }
        if (!(jitterFraction >= 0 && jitterFraction <= 1)) {
            throw new IllegalArgumentException("jitterFraction must be in [0, 1], was " + jitterFraction);
        }
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must not be negative, was " + maxRetryAfter);
        }
    }

    /** The wait before retry {@code retryNumber} (1 = the first retry), given a uniform sample in [0, 1). */
    public Duration backoff(int retryNumber, double unitSample) {
        if (retryNumber < 1) {
            throw new IllegalArgumentException("retryNumber must be >= 1, was " + retryNumber);
        }
        long initialNanos = initialBackoff.toNanos();
        long capNanos = maxBackoff.toNanos();
        // Shift only while it cannot overflow; beyond that the cap applies anyway.
        long baseNanos = retryNumber - 1 >= Long.numberOfLeadingZeros(initialNanos) - 1
                ? capNanos : Math.min(capNanos, initialNanos << (retryNumber - 1));
        double factor = 1 - jitterFraction + jitterFraction * unitSample;
        return Duration.ofNanos(Math.round(baseNanos * factor));
    }
}
