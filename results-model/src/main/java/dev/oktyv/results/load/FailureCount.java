package dev.oktyv.results.load;

import java.util.Objects;

/**
 * How many operations failed in one way. {@code kind} is the category ({@link FailureKind}); {@code detail} is the
 * exception class name, the HTTP status class ({@code 5xx}) or the timeout that expired.
 */
public record FailureCount(FailureKind kind, String detail, long count) {

    public FailureCount {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
    }
}
