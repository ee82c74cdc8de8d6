package dev.oktyv.bench.readiness;

import dev.oktyv.bench.plugin.PluginSet;
import dev.oktyv.bench.recovery.RecoveryPhase;
import dev.oktyv.bench.security.SecurityPhase;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.readiness.Assessor;
import dev.oktyv.results.readiness.Criteria;
import dev.oktyv.results.readiness.Phase;
import dev.oktyv.results.readiness.PhaseFigures;
import dev.oktyv.results.readiness.PhaseResult;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.results.recovery.RecoveryReport;
import dev.oktyv.results.security.SecurityReport;
import dev.oktyv.results.security.SecurityScore;
import dev.oktyv.results.security.Severity;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the selected phases in order and turns each one's figures into a {@link PhaseResult}. A phase that throws is
 * reported NOT_RUN with what went wrong (one line), and the next phase still runs: one broken phase must not hide
 * the evidence of the others.
 */
final class PhaseSequence {

    /** Requests the monitoring phase sends; small enough for --quick, enough to touch every status-class cache. */
    static final int MONITORING_REQUESTS = 50;

    private final Set<Phase> selected;
    private final boolean quick;
    private final Assessor assessor;
    private final Clock clock;
    private final Map<String, String> environment;
    private final PluginSet checks;
    private LoadPhase.Outcome load;

    /**
     * Seconds each phase took in a reference {@code readiness --quick} on the 2-core build machine (load 26, security
     * 59, performance 0, monitoring 7 of which 6 are the outage drill, recovery 11); the default run's load phase
     * takes about ten times longer. Only for the "left" estimate of the progress line, which says it is an estimate.
     */
    private static final double[] QUICK_REFERENCE_SECONDS = {26, 59, 0.1, 7, 11};
    private static final double[] DEFAULT_REFERENCE_SECONDS = {120, 59, 0.1, 7, 40};

    /** Estimated seconds for the selected phases after {@code done}. */
    Duration estimateAfter(Phase done) {
        double[] ref = quick ? QUICK_REFERENCE_SECONDS : DEFAULT_REFERENCE_SECONDS;
        double left = 0;
        for (Phase p : Phase.values()) {
            if (p.ordinal() > done.ordinal() && selected.contains(p)) {
                left += ref[p.ordinal()];
            }
        }
        return Duration.ofMillis(Math.round(left * 1000));
    }

    /** @param checks the probes, scenarios and health checks to run: the built-in ones and the user's plug-ins */
    PhaseSequence(Set<Phase> selected, boolean quick, Criteria criteria, Clock clock, Map<String, String> environment,
                  PluginSet checks) {
        this.checks = checks;
        this.selected = selected;
        this.quick = quick;
        this.assessor = new Assessor(criteria);
        this.clock = clock;
        this.environment = environment;
    }

    List<PhaseResult> run(RunFolder folder, PrintStream console, ReadinessConsole view) {
        List<PhaseResult> out = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Phase p : Phase.values()) {
            if (!selected.contains(p)) {
                continue;
            }
            view.phaseStarts(p);
            long start = System.nanoTime();
            PhaseResult r;
            try {
                r = phase(p, folder, console, start);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                r = PhaseResult.notRun(p, "interrupted");
            } catch (Exception e) {
                r = PhaseResult.notRun(p, "failed to run: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
            }
            out.add(r);
            view.phaseEnds(r, out.size(), selected.size(), Duration.ofNanos(System.nanoTime() - t0),
                    estimateAfter(p));
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        for (Phase p : Phase.values()) {
            if (selected.contains(p) && out.stream().noneMatch(r -> r.phase() == p)) {
                out.add(PhaseResult.notRun(p, "interrupted before it started"));
            }
        }
        return out;
    }

    private PhaseResult phase(Phase p, RunFolder folder, PrintStream console, long start) throws Exception {
        switch (p) {
            case LOAD -> {
                load = new LoadPhase(quick, clock, checks.scenarios()).run(folder, console);
                return assessor.assess(LoadPhase.load(load), since(start));
            }
            case SECURITY -> {
                return assessor.assess(security(SecurityPhase.run(folder, console, environment, clock,
                        checks.securityProbes())), since(start));
            }
            case PERFORMANCE -> {
                if (load == null) {
                    // JMH is not wired into readiness yet; without the load phase there is nothing to read.
                    return PhaseResult.notRun(p, "reads the load phase's latencies, and the load phase "
                            + (selected.contains(Phase.LOAD) ? "did not complete" : "was not selected"));
                }
                PhaseFigures.Performance f = LoadPhase.performance(load);
                console.println("  source: " + f.source());
                return assessor.assess(f, since(start));
            }
            case MONITORING -> {
                return assessor.assess(new MonitoringPhase(MONITORING_REQUESTS, checks.healthChecks()).run(console), since(start));
            }
            case RECOVERY -> {
                return assessor.assess(recovery(RecoveryPhase.run(folder, console, quick, clock,
                        checks.recoveryProbes())), since(start));
            }
            default -> throw new IllegalStateException("unknown phase " + p);
        }
    }

    static PhaseFigures.Security security(SecurityReport report) {
        SecurityScore s = report.score();
        return new PhaseFigures.Security(s.score(), s.failedBySeverity().get(Severity.CRITICAL),
                s.failedBySeverity().get(Severity.HIGH), s.passed() + s.failed());
    }

    static PhaseFigures.Recovery recovery(RecoveryReport report) {
        return new PhaseFigures.Recovery(report.successRatePercent(), report.count(ProbeVerdict.PASS),
                report.count(ProbeVerdict.FAIL));
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
