package dev.oktyv.results.recovery;

import dev.oktyv.results.probe.ProbeVerdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One recovery probe's result.
 *
 * @param probeId            stable id, e.g. {@code circuit-breaker}
 * @param title              the console heading, e.g. {@code Circuit Breaker}
 * @param fault              what was broken and how, e.g. {@code H2 behind the proxy: down for 3 s}
 * @param summary            one line: what the engine did (the console's result line)
 * @param recoveryMillis     fault removed → first success, from the probe's clock; NaN when not applicable
 * @param attempts           attempts the engine reported for the recovering call; empty when not applicable
 * @param notRunReason       why the probe did not run or does not apply; present exactly when the verdict is not
 *                           counted ({@code NOT_RUN}, {@code NOT_APPLICABLE})
 */
public record ProbeOutcome(String probeId, String title, String fault, ProbeVerdict verdict, String summary,
                           double recoveryMillis, OptionalInt attempts, List<Evidence> evidence,
                           Optional<String> notRunReason) {

    public ProbeOutcome {
        Objects.requireNonNull(probeId, "probeId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(attempts, "attempts");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(notRunReason, "notRunReason");
        if (!probeId.matches("[a-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("probeId '" + probeId + "' must be 1-60 of [a-z0-9-]");
        }
        if (verdict.counted() == notRunReason.isPresent()) {
            throw new IllegalArgumentException("probe " + probeId + ": a reason is required exactly for not-run and"
                    + " not-applicable, verdict "
                    + verdict.wireName() + " had " + (notRunReason.isPresent() ? "one" : "none"));
        }
        if (recoveryMillis < 0) {
            throw new IllegalArgumentException("probe " + probeId + ": recoveryMillis must not be negative, was "
                    + recoveryMillis);
        }
        if (attempts.isPresent() && attempts.getAsInt() < 0) {
            throw new IllegalArgumentException("probe " + probeId + ": attempts must not be negative, was "
                    + attempts.getAsInt());
        }
    }

    public static ProbeOutcome notRun(String probeId, String title, String reason) {
        return new ProbeOutcome(probeId, title, "none injected", ProbeVerdict.NOT_RUN, "not run: " + reason,
                Double.NaN, OptionalInt.empty(), List.of(), Optional.of(reason));
    }

    public boolean passed() {
        return verdict == ProbeVerdict.PASS;
    }
}
