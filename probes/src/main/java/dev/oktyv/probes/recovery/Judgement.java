package dev.oktyv.probes.recovery;

import dev.oktyv.results.recovery.Evidence;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Collects a probe's evidence and requirements. The verdict is PASSED only when every requirement held; a failed
 * one is marked in its evidence and the first becomes the summary, so the console says what went wrong.
 */
public final class Judgement {

    private final List<Evidence> evidence = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    /** Records an observation that is context, not a requirement. */
    public Judgement observe(String source, String observation) {
        evidence.add(new Evidence(source, observation));
        return this;
    }

    /** Records a requirement and whether it held; returns it so a probe can stop early. */
    public boolean require(boolean held, String source, String observation) {
        evidence.add(new Evidence(source, (held ? "ok: " : "FAILED: ") + observation));
        if (!held) {
            failures.add(observation);
        }
        return held;
    }

    public boolean failed() {
        return !failures.isEmpty();
    }

    public ProbeOutcome outcome(RecoveryProbe probe, String fault, String passSummary, double recoveryMillis,
                                OptionalInt attempts) {
        ProbeVerdict verdict = failures.isEmpty() ? ProbeVerdict.PASS : ProbeVerdict.FAIL;
        String summary = failures.isEmpty() ? passSummary : failures.get(0);
        return new ProbeOutcome(probe.id(), probe.title(), fault, verdict, summary, recoveryMillis, attempts,
                evidence, Optional.empty());
    }
}
