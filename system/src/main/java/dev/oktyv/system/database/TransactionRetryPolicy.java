package dev.oktyv.system.database;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Retry of a whole transaction when the database reports a serialization failure ({@code 40001}) or a deadlock
 * ({@code 40P01}). The backoff before retry n (1-based) is {@code min(maxBackoff, baseBackoff * 2^(n-1))},
 * then "equal jitter": half of it fixed, half random, so retries of colliding transactions spread out but never
 * retry immediately.
 *
 * @param maxRetries  retries after the first attempt, 0..10 (default 3)
 * @param baseBackoff backoff before the first retry, 1 ms..10 s (default 10 ms)
 * @param maxBackoff  cap, at least {@code baseBackoff}, at most 60 s (default 1 s)
 */
public record TransactionRetryPolicy(int maxRetries, Duration baseBackoff, Duration maxBackoff) {

    /** SQLStates that mean "the same transaction may succeed if run again". */
    public static final Set<String> RETRYABLE_SQL_STATES = Set.of("40001", "40P01");

    public static final TransactionRetryPolicy DEFAULT =
            new TransactionRetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1));

    public TransactionRetryPolicy {
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
