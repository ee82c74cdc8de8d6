package dev.oktyv.results.readiness;

import java.util.Locale;

/** A phase's verdict. NOT_RUN always comes with the reason in {@link PhaseResult#notRunReason()}. */
public enum PhaseStatus {
    READY,
    NOT_READY,
    NOT_RUN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the value */
    public static PhaseStatus fromWire(String s) {
        for (PhaseStatus v : values()) {
            if (v.wireName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown phaseStatus '" + s + "'");
    }
}
