package dev.oktyv.bench.readiness;

import dev.oktyv.bench.filestore.S3Settings;
import dev.oktyv.bench.plugin.PluginSet;
import dev.oktyv.bench.recovery.RecoveryPhase;
import dev.oktyv.bench.security.SecurityPhase;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.StressResult;
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
import dev.oktyv.results.readiness.PerformanceEvidence;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
    private final Criteria criteria;
    private final Clock clock;
    private final Map<String, String> environment;
    private final PluginSet checks;
    private final Optional<S3Settings> s3;
    private final Optional<ReadinessTarget> target;
    private final List<String> benchmarks;
    private final Function<OutputStream, PrintStream> log;
    private LoadPhase.Outcome load;
    private PerformanceEvidence performance;

    /**
     * Seconds each phase took in a reference {@code readiness --quick} on the 2-core build machine (load 26, security
     * 59, performance about 110 (JMH 95, profiling 15), monitoring 7 of which 6 are the outage drill, recovery 11); the
     * default run's load phase takes about ten times longer, and its JMH suite about 12 minutes. Only for the "left"
     * estimate of the progress line, which says it is an estimate.
     * Load re-measured with the stress steps and the api scenario's pool priming: 69 s at load average ~21 where
     * the same phase without them took 54 s at ~25 against the 26 s reference, i.e. about 35 s at that
     * reference's load; the default run adds the seed's five 5 s stress steps with their set-ups (about 35 s).
     */
    private static final double[] QUICK_REFERENCE_SECONDS = {35, 59, 110, 7, 11};
    private static final double[] DEFAULT_REFERENCE_SECONDS = {155, 59, 720, 7, 40};

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

    /**
     * @param checks     the probes, scenarios and health checks to run: the built-in ones and the user's plug-ins
     * @param benchmarks regexes choosing the performance phase's benchmarks ({@code --bench}); empty: the default
     * @param log        a stream into the run's console log only, for JMH's own output
     * @param s3         {@code --files s3://…}: the security phase's S3 probes (and its service's file routes) use it
     * @param target     the user's service ({@code --target-url}), or empty for the embedded engines
     */
    PhaseSequence(Set<Phase> selected, boolean quick, Criteria criteria, Clock clock, Map<String, String> environment,
                  PluginSet checks, List<String> benchmarks, Function<OutputStream, PrintStream> log,
                  Optional<S3Settings> s3, Optional<ReadinessTarget> target) {
        this.benchmarks = List.copyOf(benchmarks);
        this.log = log;
        this.target = target;
        this.checks = checks;
        this.s3 = s3;
        this.selected = selected;
        this.quick = quick;
        this.assessor = new Assessor(criteria);
        this.criteria = criteria;
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
                load = new LoadPhase(quick, clock, checks.scenarios(), target, criteria.loadMaxErrorRatePercent())
                        .run(folder, console);
                return assessor.assess(LoadPhase.load(load), since(start));
            }
            case SECURITY -> {
                SecurityReport report = target.isEmpty()
                        ? SecurityPhase.run(folder, console, environment, clock, checks.securityProbes(), s3)
                        : SecurityPhase.run(folder, console, environment, clock, checks.securityProbes(),
                        target.get().url(), target.get().tokenCopy(), s3);
                return assessor.assess(security(report), since(start));
            }
            case PERFORMANCE -> {
                List<PhaseFigures.OperationLatency> sources = new ArrayList<>();
                if (load != null) {
                    // The load scenarios' latencies stay a source of their own; without the load phase JMH judges alone.
                    sources.addAll(LoadPhase.performance(load).sources());
                }
                PerformancePhase.Outcome o = new PerformancePhase(quick, benchmarks, log).run(folder, console);
                o.consoleLines().forEach(l -> console.println("  " + l));
                performance = o.evidence();
                sources.add(o.latency());
                return assessor.assess(new PhaseFigures.Performance(sources), since(start));
            }
            case MONITORING -> {
                if (target.isPresent()) {
                    // The user's health checks are registered in the embedded service; their service has its own.
                    try (var token = target.get().tokenCopy()) {
                        return assessor.assess(new RemoteMonitoring(MONITORING_REQUESTS).run(target.get().url(), token,
                                console), since(start));
                    }
                }
                return assessor.assess(new MonitoringPhase(MONITORING_REQUESTS, checks.healthChecks()).run(console),
                        since(start));
            }
            case RECOVERY -> {
                return assessor.assess(recovery(RecoveryPhase.run(folder, console, quick, clock,
                        checks.recoveryProbes(), target.map(ReadinessTarget::recoveryTarget))), since(start));
            }
            default -> throw new IllegalStateException("unknown phase " + p);
        }
    }

    /** The load phase's stress steps, once it ran them. */
    Optional<StressResult> stress() {
        return load == null ? Optional.empty() : load.stress();
    }

    /** The performance phase's evidence, when it ran JMH. */
    Optional<PerformanceEvidence> performanceEvidence() {
        return Optional.ofNullable(performance);
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
