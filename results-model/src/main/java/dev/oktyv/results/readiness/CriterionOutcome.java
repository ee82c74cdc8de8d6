package dev.oktyv.results.readiness;

import java.util.Objects;
import java.util.Optional;

/**
 * One criterion as applied: what was required ({@code error rate < 1%}), what was measured
 * ({@code 0.40%}) and whether it was met. A criterion whose figure is missing is not met: no evidence is no pass.
 *
 * <p>A criterion that cannot apply to this run (the outage drill against a user's service, whose database is not
 * behind our fault proxy) is {@linkplain #notApplicable(String, String) not applicable, because …}: never met, never
 * failed, and it does not hold its phase back; a phase needs at least one met criterion to be READY.
 *
 * @param notApplicable why the criterion does not apply, or empty when it was judged
 */
public record CriterionOutcome(String requirement, String measured, boolean met, Optional<String> notApplicable) {

    public CriterionOutcome {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(notApplicable, "notApplicable");
        if (met && notApplicable.isPresent()) {
            throw new IllegalArgumentException(requirement + ": met and not applicable at once");
        }
    }

    public CriterionOutcome(String requirement, String measured, boolean met) {
        this(requirement, measured, met, Optional.empty());
    }

    /** @param because completes "not applicable, because …" */
    public static CriterionOutcome notApplicable(String requirement, String because) {
        return new CriterionOutcome(requirement, "not applicable, because " + because, false, Optional.of(because));
    }

    /** Met, or not applicable: either way it does not make its phase NOT READY. */
    public boolean holds() {
        return met || notApplicable.isPresent();
    }
}
