package dev.oktyv.results.recovery;

import java.util.Locale;

/** The seed's bands for the recovery success rate: Excellent at 90% or more, Good at 80%, Needs work below. */
public enum SuccessBand {
    EXCELLENT("Excellent", 90.0),
    GOOD("Good", 80.0),
    NEEDS_WORK("Needs work", 0.0);

    private final String label;
    private final double minimumPercent;

    SuccessBand(String label, double minimumPercent) {
        this.label = label;
        this.minimumPercent = minimumPercent;
    }

    public String label() {
        return label;
    }

    public double minimumPercent() {
        return minimumPercent;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The band of a rate in percent; a NaN rate (nothing ran) has no band, so the caller must check first. */
    public static SuccessBand of(double percent) {
        if (Double.isNaN(percent) || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("success rate must be in [0, 100], was " + percent);
        }
        for (SuccessBand b : values()) {
            if (percent >= b.minimumPercent) {
                return b;
            }
        }
        throw new AssertionError("NEEDS_WORK covers everything from 0");
    }

    public static SuccessBand fromWire(String s) {
        for (SuccessBand b : values()) {
            if (b.wireName().equals(s)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown success band '" + s + "'");
    }
}
