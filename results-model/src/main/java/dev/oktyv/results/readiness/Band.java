package dev.oktyv.results.readiness;

import java.util.Locale;

/**
 * The seed's "Interpreting Results" bands. Not every phase has every band: the seed gives load no Excellent,
 * monitoring only Good / Needs work, recovery no Acceptable; {@link Assessor} only hands out the ones the seed
 * defines for the phase.
 */
public enum Band {
    EXCELLENT("Excellent"),
    GOOD("Good"),
    ACCEPTABLE("Acceptable"),
    NEEDS_WORK("Needs work");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the value */
    public static Band fromWire(String s) {
        for (Band v : values()) {
            if (v.wireName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown band '" + s + "'");
    }
}
