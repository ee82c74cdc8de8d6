package dev.oktyv.results.recovery;

import java.util.Locale;

/** How a recovery probe ended. Wire name: lower case, {@code not-run} with a hyphen. */
public enum ProbeVerdict {
    /** The engine recovered as required, judged from its own events. */
    PASSED,
    /** The engine did not recover as required; the evidence says where. */
    FAILED,
    /** The probe could not run (its target is absent); the outcome carries the reason. */
    NOT_RUN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ProbeVerdict fromWire(String s) {
        for (ProbeVerdict v : values()) {
            if (v.wireName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown probe verdict '" + s + "' (expected passed, failed or not-run)");
    }
}
