package dev.oktyv.system.api;

import dev.oktyv.system.time.NanoClock;
import dev.oktyv.system.time.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One global bucket plus one bucket per endpoint. A call needs a permit from both: endpoint first (the narrower
 * quota), then global; if the global one times out the endpoint permit is refunded, so a rejected call never
 * consumes quota.
 */
public final class RateLimiter {

    private final TokenBucket global;
    private final RateLimit perEndpoint;
    private final NanoClock nanoClock;
    private final Sleeper sleeper;
    private final ConcurrentMap<String, TokenBucket> endpoints = new ConcurrentHashMap<>();

    public RateLimiter(RateLimit global, RateLimit perEndpoint, NanoClock nanoClock, Sleeper sleeper) {
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.global = new TokenBucket("global", global, nanoClock, sleeper);
        this.perEndpoint = Objects.requireNonNull(perEndpoint, "perEndpoint");
    }

    public void acquire(String endpoint, Duration timeout) throws InterruptedException {
        long start = nanoClock.nanoTime();
        TokenBucket bucket = endpoint(endpoint);
        bucket.acquire(timeout);
        Duration left = timeout.minusNanos(nanoClock.nanoTime() - start);
        try {
            global.acquire(left.isNegative() ? Duration.ZERO : left);
        } catch (RuntimeException | InterruptedException e) {
            bucket.refund();
            throw e;
        }
    }

    /** Returns both permits of a call that was not sent after all (e.g. its breaker was open). */
    public void release(String endpoint) {
        endpoint(endpoint).refund();
        global.refund();
    }

    public TokenBucket endpoint(String endpoint) {
        return endpoints.computeIfAbsent(endpoint, e -> new TokenBucket(e, perEndpoint, nanoClock, sleeper));
    }

    public TokenBucket global() {
        return global;
    }

    /** Applies what the server said about its quota to the endpoint's bucket. */
    public void observe(String endpoint, RateLimitAdvice advice) {
        advice.pause().ifPresent(endpoint(endpoint)::pauseFor);
    }
}
