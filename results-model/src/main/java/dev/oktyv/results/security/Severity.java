package dev.oktyv.results.security;

import java.util.Locale;

/** How much a failed security probe matters; the weight is its share of the security score. */
public enum Severity {
    CRITICAL(10), HIGH(5), MEDIUM(2), LOW(1);

    private final int weight;

    Severity(int weight) {
        this.weight = weight;
    }

    /** The score weight: a CRITICAL probe counts ten times a LOW one. */
    public int weight() {
        return weight;
    }

    /** {@code critical|high|medium|low}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromWire(String s) {
        for (Severity v : values()) {
            if (v.wireName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + s + "' (expected critical, high, medium or low)");
    }
}
