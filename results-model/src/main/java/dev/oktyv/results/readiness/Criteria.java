package dev.oktyv.results.readiness;

/**
 * The readiness thresholds. {@link #DEFAULTS} are the seed's "Production Readiness Criteria"; a criteria file
 * ({@link CriteriaJson}) overrides any of them. Monitoring has no threshold: every health check must pass and the
 * scraped request counts must equal what was sent, exactly.
 *
 * @param loadMaxErrorRatePercent    load: the error rate must stay below this (percent)
 * @param securityMinScore           security: the score must reach this (points of 100)
 * @param securityForbidCritical     security: no CRITICAL probe may fail
 * @param performanceMaxAverageMillis performance: the mean latency must stay below this
 * @param performanceMaxP95Millis    performance: the 95th percentile must stay below this
 * @param recoveryMinSuccessPercent  recovery: the probes' success rate must reach this (percent)
 */
public record Criteria(double loadMaxErrorRatePercent, double securityMinScore, boolean securityForbidCritical,
                       double performanceMaxAverageMillis, double performanceMaxP95Millis,
                       double recoveryMinSuccessPercent) {

    public static final Criteria DEFAULTS = new Criteria(1.0, 90.0, true, 100.0, 200.0, 80.0);

    public Criteria {
        percent("loadMaxErrorRatePercent", loadMaxErrorRatePercent);
        percent("securityMinScore", securityMinScore);
        positive("performanceMaxAverageMillis", performanceMaxAverageMillis);
        positive("performanceMaxP95Millis", performanceMaxP95Millis);
        percent("recoveryMinSuccessPercent", recoveryMinSuccessPercent);
    }

    private static void percent(String field, double v) {
        if (!(v >= 0 && v <= 100)) {
            throw new IllegalArgumentException(field + " must be in [0, 100], was " + v);
        }
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be a positive number of milliseconds, was " + v);
        }
    }
}
