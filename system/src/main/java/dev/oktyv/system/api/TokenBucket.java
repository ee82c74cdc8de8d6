package dev.oktyv.system.api;

import dev.oktyv.system.time.NanoClock;
import dev.oktyv.system.time.Sleeper;
import java.time.Duration;
import java.util.Objects;

/**
 * A thread-safe token bucket. The original engine checked the count, slept, then took a token, so two threads
 * could both pass the check; here refill-check-take is one critical section ({@link #tryTakeOrWaitNanos()}), and a
 * caller that must wait sleeps outside the lock and tries again, giving up as soon as the next permit would
 * come after its deadline.
 */
public final class TokenBucket {

    private final String name;
    private final RateLimit limit;
    private final NanoClock nanoClock;
    private final Sleeper sleeper;
    private final double tokensPerNano;

    private double tokens;
    private long lastRefillNanos;
    private long blockedUntilNanos;
    private boolean blocked;

    public TokenBucket(String name, RateLimit limit, NanoClock nanoClock, Sleeper sleeper) {
        this.name = Objects.requireNonNull(name, "name");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.tokensPerNano = limit.refillPerSecond() / 1e9;
        this.tokens = limit.capacity();
        this.lastRefillNanos = nanoClock.nanoTime();
    }

    public String name() {
        return name;
    }

    public RateLimit limit() {
        return limit;
    }

    /** Takes a permit if one is available now, without waiting. */
    public boolean tryAcquire() {
        return tryTakeOrWaitNanos() == 0;
    }

    /**
     * Takes a permit, waiting up to {@code timeout}.
     *
     * @throws RateLimitTimeoutException when the next permit would come after the deadline
     */
    public void acquire(Duration timeout) throws InterruptedException {
        long deadline = nanoClock.nanoTime() + timeout.toNanos();
        while (true) {
            long waitNanos = tryTakeOrWaitNanos();
            if (waitNanos == 0) {
                return;
            }
            if (nanoClock.nanoTime() + waitNanos > deadline) {
                throw new RateLimitTimeoutException(name, timeout, Duration.ofNanos(waitNanos));
            }
            sleeper.sleep(Duration.ofNanos(waitNanos));
        }
    }

    /** Gives back a permit taken by a call that then did not happen (e.g. the global bucket timed out). */
    public synchronized void refund() {
        tokens = Math.min(limit.capacity(), tokens + 1);
    }

    /**
     * Empties the bucket until {@code nanos} from now: the server said the quota is spent (Retry-After or
     * X-RateLimit-Remaining: 0), so local tokens would only produce requests the server rejects.
     */
    public synchronized void pauseFor(Duration pause) {
        long until = nanoClock.nanoTime() + Math.max(0, pause.toNanos());
        if (!blocked || until - blockedUntilNanos > 0) {
            blockedUntilNanos = until;
            blocked = true;
        }
        tokens = 0;
    }

    /** Current whole permits (for tests and monitoring). */
    public synchronized int availablePermits() {
        refill(nanoClock.nanoTime());
        return (int) Math.floor(tokens);
    }

    /** 0 when a permit was taken, otherwise the nanoseconds until one could be. */
    synchronized long tryTakeOrWaitNanos() {
        long now = nanoClock.nanoTime();
        if (blocked) {
            if (blockedUntilNanos - now > 0) {
                return blockedUntilNanos - now;
            }
            // The server's quota is back: allow one request at once and the rest at the normal rate, rather
            // than a full burst that could hit the server the moment it reopens.
            blocked = false;
            lastRefillNanos = now;
            tokens = Math.max(tokens, 1);
        }
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    private void refill(long now) {
        long elapsed = now - lastRefillNanos;
        if (elapsed > 0 && !blocked) {
            tokens = Math.min(limit.capacity(), tokens + elapsed * tokensPerNano);
            lastRefillNanos = now;
        }
    }
}
