package dev.oktyv.results.readiness;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One phase's outcome: its status, band, the criteria applied and the figures they read. A NOT_RUN phase has a
 * reason, no band and no criteria; a phase that ran has no reason.
 *
 * @param elapsed how long the phase took; zero for a phase that did not run
 */
public record PhaseResult(Phase phase, PhaseStatus status, Optional<String> notRunReason, Optional<Band> band,
                          List<CriterionOutcome> criteria, List<Figure> figures, Duration elapsed) {

    public PhaseResult {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(elapsed, "elapsed");
        criteria = List.copyOf(criteria);
        figures = List.copyOf(figures);
        if ((status == PhaseStatus.NOT_RUN) != notRunReason.isPresent()) {
            throw new IllegalArgumentException(phase.wireName() + ": a reason goes with NOT_RUN and only with it"
                    + " (status " + status + ", reason " + notRunReason.orElse("none") + ")");
        }
        if (status != PhaseStatus.NOT_RUN && criteria.isEmpty()) {
            throw new IllegalArgumentException(phase.wireName() + ": status " + status + " without any criterion");
        }
        if (status == PhaseStatus.READY && !ready(criteria)) {
            throw new IllegalArgumentException(phase.wireName() + ": READY with an unmet criterion, or none met");
        }
        if (status == PhaseStatus.NOT_READY && ready(criteria)) {
            throw new IllegalArgumentException(phase.wireName() + ": NOT_READY with every criterion met");
        }
    }

    public static PhaseResult notRun(Phase phase, String reason) {
        return new PhaseResult(phase, PhaseStatus.NOT_RUN, Optional.of(reason), Optional.empty(), List.of(),
                List.of(), Duration.ZERO);
    }

    /**
     * READY when every applicable criterion is met and at least one was (all "not applicable" is no evidence),
     * NOT_READY otherwise.
     */
    public static PhaseResult judged(Phase phase, Band band, List<CriterionOutcome> criteria, List<Figure> figures,
                                     Duration elapsed) {
        boolean ready = ready(criteria);
        return new PhaseResult(phase, ready ? PhaseStatus.READY : PhaseStatus.NOT_READY, Optional.empty(),
                Optional.of(band), criteria, figures, elapsed);
    }

    private static boolean ready(List<CriterionOutcome> criteria) {
        return criteria.stream().allMatch(CriterionOutcome::holds) && criteria.stream().anyMatch(CriterionOutcome::met);
    }

    public PhaseResult withElapsed(Duration d) {
        return new PhaseResult(phase, status, notRunReason, band, criteria, figures, d);
    }
}
