package dev.oktyv.results.readiness;

import java.util.Objects;

/**
 * One criterion as applied: what was required ({@code error rate < 1%}), what was measured
 * ({@code 0.40%}) and whether it was met. A criterion whose figure is missing is not met: no evidence is no pass.
 */
public record CriterionOutcome(String requirement, String measured, boolean met) {

    public CriterionOutcome {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(measured, "measured");
    }
}
