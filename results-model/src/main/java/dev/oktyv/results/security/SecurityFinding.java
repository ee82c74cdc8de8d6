package dev.oktyv.results.security;

import dev.oktyv.results.probe.ProbeVerdict;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One probe's outcome as stored in {@code security.json}.
 *
 * @param probeId  stable id, {@code <category>.<name>}, e.g. {@code service.slow-clients}
 * @param title    one line: what is checked
 * @param action   one line: what the probe did to the target
 * @param evidence what it observed, one fact per line (never a secret value)
 * @param fix      one line: what to do when it fails
 * @param reason   why the probe is not applicable or did not run; empty for pass and fail
 * @param elapsed  how long the probe ran
 */
public record SecurityFinding(String probeId, SecurityCategory category, Severity severity, String title,
                              ProbeVerdict verdict, String action, List<String> evidence, String fix,
                              Optional<String> reason, Duration elapsed) {

    public SecurityFinding {
        Objects.requireNonNull(probeId, "probeId");
        if (!probeId.matches("[a-z0-9]+(\\.[a-z0-9-]+)+")) {
            throw new IllegalArgumentException("probe id '" + probeId
                    + "' must be <category>.<name> in lower case, e.g. service.slow-clients");
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(action, "action");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(elapsed, "elapsed");
        if (!verdict.counted() && reason.isEmpty()) {
            throw new IllegalArgumentException("probe " + probeId + " is " + verdict.wireName()
                    + " without a reason");
        }
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("probe " + probeId + " elapsed " + elapsed + " is negative");
        }
    }
}
