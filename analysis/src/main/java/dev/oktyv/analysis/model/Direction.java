package dev.oktyv.analysis.model;

import java.util.Locale;

/**
 * Which way is better for a metric. Derived from the unit alone, because JMH does not record it and
 * tools that guess from the benchmark mode get secondary metrics (B/op under a throughput benchmark) wrong.
 */
public enum Direction {
    /** ops per unit of time: more is better. */
    HIGHER_IS_BETTER,
    /** time per op, bytes per op: less is better. */
    LOWER_IS_BETTER,
    /** a unit we cannot judge (MB/sec of allocation, a count): never turned into a verdict. */
    UNKNOWN;

    /** {@code ops/ms} → higher; {@code ns/op}, {@code B/op} → lower; anything else unknown. */
    public static Direction fromUnit(String unit) {
        if (unit == null) {
            return UNKNOWN;
        }
        String u = unit.trim().toLowerCase(Locale.ROOT);
        if (u.startsWith("ops/")) {
            return HIGHER_IS_BETTER;
        }
        if (u.endsWith("/op")) {
            return LOWER_IS_BETTER;
        }
        return UNKNOWN;
    }

    public String wireName() {
        return switch (this) {
            case HIGHER_IS_BETTER -> "higher";
            case LOWER_IS_BETTER -> "lower";
            case UNKNOWN -> "unknown";
        };
    }
}
