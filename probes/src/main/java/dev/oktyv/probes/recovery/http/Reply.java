package dev.oktyv.probes.recovery.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** One scripted answer: a status and, optionally, a {@code Retry-After} in whole seconds. */
public record Reply(int status, Optional<Duration> retryAfter) {

    public Reply {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200..599, was " + status);
        }
        if (retryAfter.isPresent() && (retryAfter.get().isNegative() || retryAfter.get().toNanos() % 1_000_000_000L != 0)) {
            throw new IllegalArgumentException("retryAfter must be whole non-negative seconds, was " + retryAfter.get());
        }
    }

    public static Reply of(int status) {
        return new Reply(status, Optional.empty());
    }

    public static Reply retryAfter(int status, Duration wait) {
        return new Reply(status, Optional.of(wait));
    }
}
