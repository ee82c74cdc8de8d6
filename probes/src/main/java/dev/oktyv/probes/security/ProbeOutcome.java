package dev.oktyv.probes.security;

import dev.oktyv.results.probe.ProbeVerdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of a probe concluded: the verdict, what the probe did, what it saw, and for not-applicable and
 * not-run why.
 *
 * @param action   one line: what the probe did to the target
 * @param evidence what it observed, one fact per line; never a secret value
 */
public record ProbeOutcome(ProbeVerdict verdict, String action, List<String> evidence, Optional<String> reason) {

    public ProbeOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(action, "action");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(reason, "reason");
        if (!verdict.counted() && reason.isEmpty()) {
            throw new IllegalArgumentException(verdict.wireName() + " outcome needs a reason");
        }
    }

    public static ProbeOutcome pass(String action, List<String> evidence) {
        return new ProbeOutcome(ProbeVerdict.PASS, action, evidence, Optional.empty());
    }

    public static ProbeOutcome fail(String action, List<String> evidence) {
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a failing outcome needs evidence (action: " + action + ")");
        }
        return new ProbeOutcome(ProbeVerdict.FAIL, action, evidence, Optional.empty());
    }

    /** The weakness cannot exist on this target; {@code reason} says why. */
    public static ProbeOutcome notApplicable(String reason) {
        return new ProbeOutcome(ProbeVerdict.NOT_APPLICABLE, "none", List.of(), Optional.of(reason));
    }

    /** The probe could not look; {@code reason} says why (e.g. "no vault target configured"). */
    public static ProbeOutcome notRun(String reason) {
        return new ProbeOutcome(ProbeVerdict.NOT_RUN, "none", List.of(), Optional.of(reason));
    }
}
