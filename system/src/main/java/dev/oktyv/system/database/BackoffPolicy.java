package dev.oktyv.system.database;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently the engine retries: whole transactions on a serialization failure or deadlock
 * ({@link DatabaseConfig#retry()}), and getting a connection while the database is unreachable
 * ({@link DatabaseConfig#connectionRetry()}). The backoff before retry n (1-based) is
 * {@code min(maxBackoff, baseBackoff * 2^(n-1))}, then "equal jitter": half of it fixed, half random, so retries of
 * colliding callers spread out but never retry immediately.
 *
 * @param maxRetries  retries after the first attempt, 0..10 (default 3)
 * @param baseBackoff backoff before the first retry, 1 ms..10 s (default 10 ms)
 * @param maxBackoff  cap, at least {@code baseBackoff}, at most 60 s (default 1 s)
 */
public record BackoffPolicy(int maxRetries, Duration baseBackoff, Duration maxBackoff) {

    /** The transaction default: colliding transactions retry soon and often. */
    public static final BackoffPolicy DEFAULT = new BackoffPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1));

    /** No retry: the first failure is the caller's (the connection default, so an outage surfaces at once). */
    public static final BackoffPolicy NONE = new BackoffPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1));

    public BackoffPolicy {
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be 0..10, was " + maxRetries);
        }
        if (baseBackoff.compareTo(Duration.ofMillis(1)) < 0 || baseBackoff.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("baseBackoff must be 1ms..10s, was " + baseBackoff);
        }
        if (maxBackoff.compareTo(baseBackoff) < 0 || maxBackoff.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("maxBackoff must be baseBackoff (" + baseBackoff + ")..60s, was " + maxBackoff);
        }
    }

    /**
     * @param retry  1-based retry number
     * @param random a value in [0, 1)
     */
    public Duration backoff(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be >= 1, was " + retry);
        }
        if (!(random >= 0.0 && random < 1.0)) {
            throw new IllegalArgumentException("random must be in [0, 1), was " + random);
        }
        long base = baseBackoff.toNanos();
        long cap = maxBackoff.toNanos();
        // base <= 10 s (~2^33.3 ns), so a shift of at most 20 cannot overflow a long.
        long exp = Math.min(cap, base * (1L << Math.min(retry - 1, 20)));
        long half = exp / 2;
        return Duration.ofNanos(half + (long) (random * (exp - half)));
    }
}
