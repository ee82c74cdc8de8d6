package dev.oktyv.results.security;

import java.util.Locale;

/**
 * What one security probe concluded. Only {@link #PASS} and {@link #FAIL} count in the score; the other two are
 * listed with their reason, so a probe that could not look is never read as a pass.
 */
public enum ProbeVerdict {
    /** The probe attacked and the target held. */
    PASS,
    /** The probe found the weakness; the finding carries evidence and a fix. */
    FAIL,
    /** The weakness cannot exist on this target (e.g. TLS for an embedded database); the reason says why. */
    NOT_APPLICABLE,
    /** The probe could not run (no target configured, an exception, the deadline); the reason says why. */
    NOT_RUN;

    /** {@code pass|fail|not-applicable|not-run}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ProbeVerdict fromWire(String s) {
        for (ProbeVerdict v : values()) {
            if (v.wireName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown probe verdict '" + s
                + "' (expected pass, fail, not-applicable or not-run)");
    }

    /** True for the verdicts that enter the score. */
    public boolean counted() {
        return this == PASS || this == FAIL;
    }
}
