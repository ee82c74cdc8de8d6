package dev.oktyv.results.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a stack profile counts. Each kind knows the JFR event types that feed it and the unit of its weight,
 * so the same renderer draws a cpu profile (samples), an allocation profile (bytes) and a lock profile
 * (nanoseconds blocked).
 */
public enum EventKind {
    CPU("cpu", "samples"),
    ALLOC("alloc", "bytes"),
    LOCK("lock", "ns"),
    WALL("wall", "samples");

    private final String id;
    private final String unit;

    EventKind(String id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    /** The lower-case name used on the command line and in artifact file names. */
    public String id() {
        return id;
    }

    /** Unit of a stack's weight. */
    public String unit() {
        return unit;
    }

    /** Parses {@code cpu|alloc|lock|wall}; the message names the bad value and the accepted ones. */
    public static EventKind parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (EventKind k : values()) {
            if (k.id.equals(v)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown profile event '" + value + "' (expected one of "
                + Arrays.stream(values()).map(EventKind::id).collect(Collectors.joining(", ")) + ")");
    }
}
