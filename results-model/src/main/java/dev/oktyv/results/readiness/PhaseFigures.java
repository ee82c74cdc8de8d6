package dev.oktyv.results.readiness;

/**
 * What each phase measured, typed, before the criteria are applied. NaN means "not measured" and fails the
 * criterion that needs it.
 */
public sealed interface PhaseFigures {

    /**
     * @param errorRatePercent        failed over all requests of the worst scenario at the seed's concurrency
     * @param maxLoadStep             the highest stress step ({@code database step-04-200, 200 workers}), or empty
     *                                when no stress steps ran
     * @param maxLoadErrorRatePercent the error rate at that step; NaN when it completed nothing
     */
    record Load(long requests, double errorRatePercent, double p95Millis, java.util.Optional<String> maxLoadStep,
                double maxLoadErrorRatePercent) implements PhaseFigures {

        public Load {
            java.util.Objects.requireNonNull(maxLoadStep, "maxLoadStep");
        }

        /** Without stress steps: no max-load criterion. */
        public Load(long requests, double errorRatePercent, double p95Millis) {
            this(requests, errorRatePercent, p95Millis, java.util.Optional.empty(), Double.NaN);
        }
    }

    record Security(double score, int criticalFailures, int highFailures, int probesRun) implements PhaseFigures {
    }

    /** Per-operation latency, from the load scenarios' (corrected) histograms or the benchmarks' scores. */
    record Performance(String source, double averageMillis, double p95Millis) implements PhaseFigures {
    }

    /**
     * @param requestsSent       requests the phase sent to the service
     * @param requestsCounted    the same requests as {@code /metrics} counted them; NaN when it had no sample for them
     * @param healthDuringOutage {@code /health}'s status with a dependency down ({@code UP}, {@code DEGRADED},
     *                           {@code DOWN}), or {@link #NOT_MEASURED}
     * @param healthAfterOutage  its status once the dependency is back, or {@link #NOT_MEASURED}
     * @param alertsFired        FIRED events of the error-ratio alert rule under the injected error burst
     * @param alertsResolved     RESOLVED events of that rule after the burst
     * @param otherTraffic       the service counted more requests than were sent between the two scrapes: someone
     *                           else's traffic, so the count cannot be checked exactly (an undercount still fails)
     * @param drillNotApplicable why the outage drill and its alert could not run (a user's service: its database is
     *                           not behind our fault proxy), or empty when it ran
     */
    record Monitoring(int healthChecks, int healthChecksPassing, long requestsSent, double requestsCounted,
                      String healthDuringOutage, String healthAfterOutage, int alertsFired, int alertsResolved,
                      boolean otherTraffic, java.util.Optional<String> drillNotApplicable)
            implements PhaseFigures {

        public static final String NOT_MEASURED = "not measured";

        public Monitoring {
            java.util.Objects.requireNonNull(healthDuringOutage, "healthDuringOutage");
            java.util.Objects.requireNonNull(healthAfterOutage, "healthAfterOutage");
            java.util.Objects.requireNonNull(drillNotApplicable, "drillNotApplicable");
        }

        /** The embedded service: only this phase's traffic, and the drill ran. */
        public Monitoring(int healthChecks, int healthChecksPassing, long requestsSent, double requestsCounted,
                          String healthDuringOutage, String healthAfterOutage, int alertsFired, int alertsResolved) {
            this(healthChecks, healthChecksPassing, requestsSent, requestsCounted, healthDuringOutage,
                    healthAfterOutage, alertsFired, alertsResolved, false, java.util.Optional.empty());
        }
    }

    record Recovery(double successRatePercent, long passed, long failed) implements PhaseFigures {
    }
}
