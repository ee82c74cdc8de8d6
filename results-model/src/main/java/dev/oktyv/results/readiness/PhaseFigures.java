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

    /**
     * Per-operation latency from each source that ran: the load scenarios' (corrected) histograms and the
     * benchmarks' sample-time scores. Every source is judged on its own (the criterion holds for every operation
     * or not at all); no source at all is "not measured" and fails.
     */
    record Performance(java.util.List<OperationLatency> sources) implements PhaseFigures {

        public Performance {
            sources = java.util.List.copyOf(sources);
        }

        /** One source. */
        public Performance(String source, double averageMillis, double p95Millis) {
            this(java.util.List.of(new OperationLatency(source, averageMillis, p95Millis)));
        }

        /** The worst average over the sources; NaN when a source has none or there is no source. */
        public double averageMillis() {
            return worst(sources.stream().mapToDouble(OperationLatency::averageMillis).toArray());
        }

        /** The worst p95 over the sources; NaN likewise. */
        public double p95Millis() {
            return worst(sources.stream().mapToDouble(OperationLatency::p95Millis).toArray());
        }

        private static double worst(double[] values) {
            double w = values.length == 0 ? Double.NaN : Double.NEGATIVE_INFINITY;
            for (double v : values) {
                // NaN wins: a source without a figure must not let a faster one stand for it.
                w = Double.isNaN(v) || Double.isNaN(w) ? Double.NaN : Math.max(w, v);
            }
            return w;
        }
    }

    /**
     * The slowest operation of one source.
     *
     * @param source what was measured and how, e.g. {@code load scenario 'x', the slowest (corrected latencies)}
     */
    record OperationLatency(String source, double averageMillis, double p95Millis) {

        public OperationLatency {
            java.util.Objects.requireNonNull(source, "source");
        }
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
