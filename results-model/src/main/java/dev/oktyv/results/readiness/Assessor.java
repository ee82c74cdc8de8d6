package dev.oktyv.results.readiness;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Applies {@link Criteria} to one phase's figures: pure, no I/O. The criteria decide READY; the bands are the
 * seed's fixed "Interpreting Results" and only describe, so a custom criteria file can make a phase READY in the
 * Needs-work band (or the reverse), and the report shows both.
 *
 * <p>Security bands: Excellent at ≥ 95 with no critical or high failure, Good at ≥ 90 with no critical failure,
 * Needs work otherwise. The seed's "max 1-2 medium" for Good is not applied: the score already weighs medium
 * failures, and a second count would disagree with the score at the boundary.
 */
public final class Assessor {

    private final Criteria criteria;

    public Assessor(Criteria criteria) {
        this.criteria = criteria;
    }

    public PhaseResult assess(PhaseFigures figures, Duration elapsed) {
        // Java 17: no pattern switch yet; the interface is sealed, so this chain is complete.
        if (figures instanceof PhaseFigures.Load l) {
            return load(l, elapsed);
        } else if (figures instanceof PhaseFigures.Security s) {
            return security(s, elapsed);
        } else if (figures instanceof PhaseFigures.Performance p) {
            return performance(p, elapsed);
        } else if (figures instanceof PhaseFigures.Monitoring m) {
            return monitoring(m, elapsed);
        } else if (figures instanceof PhaseFigures.Recovery r) {
            return recovery(r, elapsed);
        }
        throw new IllegalArgumentException("unknown phase figures " + figures.getClass().getName());
    }

    private PhaseResult load(PhaseFigures.Load l, Duration elapsed) {
        double max = criteria.loadMaxErrorRatePercent();
        CriterionOutcome c = new CriterionOutcome("worst error rate < " + fmt(max) + "%", measured(l.errorRatePercent(), "%"),
                l.errorRatePercent() < max);
        List<CriterionOutcome> cs = l.maxLoadStep().isEmpty() ? List.of(c) : List.of(c, new CriterionOutcome(
                "error rate at max load < " + fmt(max) + "%", measured(l.maxLoadErrorRatePercent(), "%") + " at "
                + l.maxLoadStep().get(), l.maxLoadErrorRatePercent() < max));
        // With stress steps the band reads the worse of the two error rates: max load is part of the load test.
        double errors = l.maxLoadStep().isEmpty() ? l.errorRatePercent()
                : Math.max(l.errorRatePercent(), l.maxLoadErrorRatePercent());
        Band band = errors < 1 && l.p95Millis() < 200 ? Band.GOOD
                : errors < 5 && l.p95Millis() < 500 ? Band.ACCEPTABLE : Band.NEEDS_WORK;
        List<Figure> figures = new java.util.ArrayList<>(List.of(
                new Figure("requests", l.requests(), "count"),
                new Figure("errorRate", l.errorRatePercent(), "percent"),
                new Figure("p95Latency", l.p95Millis(), "ms")));
        if (l.maxLoadStep().isPresent()) {
            figures.add(new Figure("maxLoadErrorRate", l.maxLoadErrorRatePercent(), "percent"));
        }
        return PhaseResult.judged(Phase.LOAD, band, cs, figures, elapsed);
    }

    private PhaseResult security(PhaseFigures.Security s, Duration elapsed) {
        double min = criteria.securityMinScore();
        CriterionOutcome score = new CriterionOutcome("score >= " + fmt(min), fmt(s.score()), s.score() >= min);
        List<CriterionOutcome> cs = criteria.securityForbidCritical()
                ? List.of(score, new CriterionOutcome("no CRITICAL failure", s.criticalFailures() + " CRITICAL failed",
                        s.criticalFailures() == 0))
                : List.of(score);
        Band band = s.score() >= 95 && s.criticalFailures() == 0 && s.highFailures() == 0 ? Band.EXCELLENT
                : s.score() >= 90 && s.criticalFailures() == 0 ? Band.GOOD : Band.NEEDS_WORK;
        return PhaseResult.judged(Phase.SECURITY, band, cs, List.of(
                new Figure("score", s.score(), "points"),
                new Figure("criticalFailures", s.criticalFailures(), "count"),
                new Figure("highFailures", s.highFailures(), "count"),
                new Figure("probesRun", s.probesRun(), "count")), elapsed);
    }

    private PhaseResult performance(PhaseFigures.Performance p, Duration elapsed) {
        double avg = criteria.performanceMaxAverageMillis();
        double p95 = criteria.performanceMaxP95Millis();
        List<CriterionOutcome> cs = new java.util.ArrayList<>();
        if (p.sources().isEmpty()) {
            cs.add(new CriterionOutcome("average < " + fmt(avg) + " ms", "not measured: no load scenario and no benchmark ran",
                    false));
        }
        // One pair of criteria per source, labelled with it: a slow benchmark fails on its own line, not hidden
        // behind a fast load scenario (or the reverse).
        for (PhaseFigures.OperationLatency s : p.sources()) {
            cs.add(new CriterionOutcome("average < " + fmt(avg) + " ms", measured(s.averageMillis(), " ms") + ", "
                    + s.source(), s.averageMillis() < avg));
            cs.add(new CriterionOutcome("p95 < " + fmt(p95) + " ms", measured(s.p95Millis(), " ms") + ", " + s.source(),
                    s.p95Millis() < p95));
        }
        double worstAvg = p.averageMillis();
        double worstP95 = p.p95Millis();
        Band band = worstAvg < 50 && worstP95 < 100 ? Band.EXCELLENT
                : worstAvg < 100 && worstP95 < 200 ? Band.GOOD : Band.NEEDS_WORK;
        return PhaseResult.judged(Phase.PERFORMANCE, band, cs, List.of(
                new Figure("averageLatency", worstAvg, "ms"),
                new Figure("p95Latency", worstP95, "ms")), elapsed);
    }

    private PhaseResult monitoring(PhaseFigures.Monitoring m, Duration elapsed) {
        String counts = "/metrics counts every request sent";
        String outage = "/health DEGRADED or DOWN with a dependency down, UP once it is back";
        String alert = "an alert fires under an error burst and resolves after it";
        String measuredCount = measured(m.requestsCounted(), " counted of " + m.requestsSent() + " sent");
        List<CriterionOutcome> cs = List.of(
                new CriterionOutcome("all health checks passing",
                        m.healthChecksPassing() + " of " + m.healthChecks() + " passing",
                        m.healthChecks() > 0 && m.healthChecksPassing() == m.healthChecks()),
                // More counted than sent is someone else's traffic: it says nothing either way. Fewer is a defect.
                m.otherTraffic() && m.requestsCounted() > m.requestsSent()
                        ? CriterionOutcome.notApplicable(counts, "counts not exact: other traffic seen ("
                        + measuredCount + ")")
                        : new CriterionOutcome(counts, measuredCount,
                        m.requestsSent() > 0 && m.requestsCounted() == m.requestsSent()),
                m.drillNotApplicable().isPresent() ? CriterionOutcome.notApplicable(outage, m.drillNotApplicable().get())
                        : new CriterionOutcome(outage, m.healthDuringOutage() + " during, " + m.healthAfterOutage()
                        + " after", ("DEGRADED".equals(m.healthDuringOutage()) || "DOWN".equals(m.healthDuringOutage()))
                        && "UP".equals(m.healthAfterOutage())),
                m.drillNotApplicable().isPresent() ? CriterionOutcome.notApplicable(alert, m.drillNotApplicable().get())
                        : new CriterionOutcome(alert, "fired " + m.alertsFired() + ", resolved " + m.alertsResolved(),
                        m.alertsFired() == 1 && m.alertsResolved() == 1));
        Band band = cs.stream().allMatch(CriterionOutcome::holds) ? Band.GOOD : Band.NEEDS_WORK;
        return PhaseResult.judged(Phase.MONITORING, band, cs, List.of(
                new Figure("healthChecks", m.healthChecks(), "count"),
                new Figure("healthChecksPassing", m.healthChecksPassing(), "count"),
                new Figure("requestsSent", m.requestsSent(), "count"),
                new Figure("requestsCounted", m.requestsCounted(), "count"),
                // Not run is not "0 fired": null in the file.
                new Figure("alertsFired", m.drillNotApplicable().isPresent() ? Double.NaN : m.alertsFired(), "count"),
                new Figure("alertsResolved", m.drillNotApplicable().isPresent() ? Double.NaN : m.alertsResolved(),
                        "count")), elapsed);
    }

    private PhaseResult recovery(PhaseFigures.Recovery r, Duration elapsed) {
        double min = criteria.recoveryMinSuccessPercent();
        CriterionOutcome c = new CriterionOutcome("success rate >= " + fmt(min) + "%",
                measured(r.successRatePercent(), "%"), r.successRatePercent() >= min);
        double rate = r.successRatePercent();
        Band band = rate >= 90 ? Band.EXCELLENT : rate >= 80 ? Band.GOOD : Band.NEEDS_WORK;
        return PhaseResult.judged(Phase.RECOVERY, band, List.of(c), List.of(
                new Figure("successRate", rate, "percent"),
                new Figure("passed", r.passed(), "count"),
                new Figure("failed", r.failed(), "count")), elapsed);
    }

    /** A measured value with its unit, or "not measured": a NaN must not read as a number. */
    static String measured(double v, String unit) {
        return Double.isNaN(v) ? "not measured" : fmt(v) + unit;
    }

    /** Root locale: the console and the JSON read the same under a German default locale. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "not measured";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
