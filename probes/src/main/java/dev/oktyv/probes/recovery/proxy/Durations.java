package dev.oktyv.probes.recovery.proxy;

import java.time.Duration;
import java.util.Objects;

/** Shared validation of toxic attributes, with messages naming the attribute and the bad value. */
final class Durations {

    private Durations() {
    }

    static Duration nonNegative(String field, Duration d) {
        Objects.requireNonNull(d, field);
        if (d.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + d);
        }
        return d;
    }

    static ToxicDirection direction(ToxicDirection d) {
        return Objects.requireNonNull(d, "stream");
    }
}
