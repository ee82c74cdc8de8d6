package dev.oktyv.results.readiness;

/**
 * What each phase measured, typed, before the criteria are applied. NaN means "not measured" and fails the
 * criterion that needs it.
 */
public sealed interface PhaseFigures {

    /** @param errorRatePercent failed over all requests of the worst scenario (the highest load step, once stress
     *                         steps run) */
    record Load(long requests, double errorRatePercent, double p95Millis) implements PhaseFigures {
    }

    record Security(double score, int criticalFailures, int highFailures, int probesRun) implements PhaseFigures {
    }

    /** Per-operation latency, from the load scenarios' (corrected) histograms or the benchmarks' scores. */
    record Performance(String source, double averageMillis, double p95Millis) implements PhaseFigures {
    }

    /**
     * @param requestsSent    requests the phase sent to the service
     * @param requestsCounted the same requests as {@code /metrics} counted them; NaN when it had no sample for them
     */
    record Monitoring(int healthChecks, int healthChecksPassing, long requestsSent, double requestsCounted)
            implements PhaseFigures {
    }

    record Recovery(double successRatePercent, long passed, long failed) implements PhaseFigures {
    }
}
