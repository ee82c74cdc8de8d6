package dev.oktyv.results.probe;

import java.util.Locale;

/**
 * What one probe concluded, security or recovery alike: one type, so a verdict means the same in {@code
 * security.json}, {@code recovery.json} and the readiness verdict. Only {@link #PASS} and {@link #FAIL} count (in the
 * security score, in the recovery success rate); the other two carry a reason, so a probe that could not look is
 * never read as a pass.
 *
 * <p>Wire names {@code pass|fail|not-applicable|not-run}. {@code recovery.json} up to version 1 wrote {@code passed}
 * and {@code failed}; its reader maps those ({@code RecoveryReportJson}), this type does not accept them.
 */
public enum ProbeVerdict {
    /** The probe attacked or broke the target and it held or recovered as required, judged from its own events. */
    PASS,
    /** The probe found the weakness, or the engine did not recover; the evidence says where, a fix how. */
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

    /** True for the verdicts that count (score, success rate); the others need a reason. */
    public boolean counted() {
        return this == PASS || this == FAIL;
    }
}
