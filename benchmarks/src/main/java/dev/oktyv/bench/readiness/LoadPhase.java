package dev.oktyv.bench.readiness;

import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.executor.Pacer;
import dev.oktyv.bench.load.recording.ProgressLine;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.load.scenario.ScenarioRegistry;
import dev.oktyv.bench.load.scenario.engine.DatabaseQueryScenario;
import dev.oktyv.bench.load.scenario.http.ServiceHealthScenario;
import dev.oktyv.bench.load.scenario.http.ServiceScenario;
import dev.oktyv.bench.load.scenario.http.ServiceTarget;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.LatencyStats;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.StressResult;
import dev.oktyv.results.readiness.PhaseFigures;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Phase 1: the built-in scenarios at the seed's concurrency through the load runner, into {@code load/<scenario>/}
 * of the readiness run folder. Under {@code --quick} only the in-process engine scenarios run, 2 s each after a
 * 1 s warm-up; the default adds the {@code service-*} scenarios at 10 s each. The warm-up gives each closed-model
 * run its intended rate, so the latencies are coordinated-omission corrected.
 *
 * <p>The same summaries feed phase 3 ({@link #performance}): per-operation latency of the slowest scenario.
 */
final class LoadPhase {

    /** What the load phase leaves behind for the verdict; {@code stress} is empty when the steps did not run. */
    record Outcome(List<LoadSummary> summaries, Optional<StressResult> stress) {

        Outcome(List<LoadSummary> summaries) {
            this(summaries, Optional.empty());
        }
    }

    private final boolean quick;
    private final Clock clock;
    private final List<Scenario> extraScenarios;
    private final Optional<ReadinessTarget> target;
    private final double maxErrorRatePercent;

    /**
     * @param extraScenarios      the user's scenarios, run after the built-in ones in both modes
     * @param target              the user's service ({@code --target-url}): only the {@code service-*} scenarios
     *                            address it
     * @param maxErrorRatePercent the load criterion: a stress step holds while its error rate stays below it
     */
    LoadPhase(boolean quick, Clock clock, List<Scenario> extraScenarios, Optional<ReadinessTarget> target,
              double maxErrorRatePercent) {
        this.quick = quick;
        this.clock = clock;
        this.extraScenarios = List.copyOf(extraScenarios);
        this.target = target;
        this.maxErrorRatePercent = maxErrorRatePercent;
    }

    Outcome run(RunFolder folder, PrintStream console) throws Exception {
        ServiceTarget service = target.map(ReadinessTarget::loadTarget).orElse(null);
        try {
            return run(scenarios(service, console), folder, console);
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }

    /**
     * Without a target: the in-process scenarios, plus the {@code service-*} ones (an embedded service) outside
     * {@code --quick}. With one: its {@code service-*} scenarios in both modes; the in-process ones measure engines
     * in this JVM, not the user's service, and are listed as not applicable.
     */
    private List<Scenario> scenarios(ServiceTarget service, PrintStream console) {
        List<Scenario> builtIn = ScenarioRegistry.builtIn(service).all();
        List<Scenario> scenarios = new ArrayList<>(builtIn.stream()
                .filter(s -> service != null ? s instanceof ServiceScenario : !quick || !(s instanceof ServiceScenario))
                .toList());
        if (service != null) {
            console.println("  not applicable, because they drive the engines inside this JVM, not the service at "
                    + service.base() + ": " + builtIn.stream().filter(s -> !(s instanceof ServiceScenario))
                    .map(Scenario::id).toList());
        }
        scenarios.addAll(extraScenarios);
        return scenarios;
    }

    private Outcome run(List<Scenario> scenarios, RunFolder folder, PrintStream console) throws Exception {
        Duration measured = quick ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
        Duration warmup = Duration.ofSeconds(1);
        // Over HTTP the first PUT opens the service's vault (PBKDF2 at 600,000 iterations, on the service's side):
        // on a loaded machine that alone outlasted a 1 s warm-up, and service-vault completed nothing in 2 s.
        Duration serviceWarmup = Duration.ofSeconds(3);
        ScenarioRunner runner = new ScenarioRunner(Pacer.SYSTEM, clock, ProgressLine.forTerminal(System.err, true));
        List<LoadSummary> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            LoadModel model = new LoadModel.Closed(s.defaultConcurrency(), Duration.ZERO, s.defaultRampUp(),
                    s instanceof ServiceScenario ? serviceWarmup : warmup, measured, OptionalDouble.empty());
            LoadSummary summary = runner.run(s, model, List.of(), folder.load(s.id()).path()).summary();
            LatencyStats l = latency(summary);
            console.printf(Locale.ROOT, "  %-22s %8d requests, %6.2f%% ok, %9.1f req/s, avg %8.2f ms, p95 %8.2f ms"
                            + " (%s), heap %+.1f MiB%n", s.id(), summary.totals().total(),
                    summary.totals().total() == 0 ? Double.NaN : 100.0 * summary.totals().ok() / summary.totals().total(),
                    summary.rates().achievedPerSecond(), l.meanMicros() / 1e3, l.p95Micros() / 1e3,
                    summary.corrected().applicable() ? "corrected" : "uncorrected",
                    (summary.jvm().heapUsedAfterBytes() - summary.jvm().heapUsedBeforeBytes()) / 1048576.0);
            out.add(summary);
        }
        String stressed = target.isPresent() ? ServiceHealthScenario.ID : DatabaseQueryScenario.ID;
        Optional<Scenario> s = scenarios.stream().filter(x -> x.id().equals(stressed)).findFirst();
        if (s.isEmpty()) {
            throw new IllegalStateException("the stress steps' scenario " + stressed + " is not among " + scenarios);
        }
        return new Outcome(out, Optional.of(LoadStress.run(s.get(), quick ? LoadStress.QUICK : LoadStress.DEFAULT,
                maxErrorRatePercent, runner, folder, console)));
    }

    /** Corrected when the run had an intended rate, else the service time; the console says which. */
    static LatencyStats latency(LoadSummary s) {
        return s.corrected().applicable() ? s.corrected() : s.uncorrected();
    }

    /**
     * The worst scenario's error rate, not the pooled one: pooled, 17,000 fast database queries would hide an API
     * scenario that failed half its requests. A scenario with no request has no rate (NaN), which fails the criterion.
     */
    static PhaseFigures.Load load(Outcome o) {
        long total = o.summaries().stream().mapToLong(s -> s.totals().total()).sum();
        double worst = o.summaries().stream()
                .mapToDouble(s -> s.totals().total() == 0 ? Double.NaN : 100.0 * s.totals().failed() / s.totals().total())
                .max().orElse(Double.NaN);
        double p95 = o.summaries().stream().mapToDouble(s -> latency(s).p95Micros() / 1e3).max().orElse(Double.NaN);
        if (o.stress().isEmpty()) {
            return new PhaseFigures.Load(total, worst, p95);
        }
        StressResult r = o.stress().get();
        StressResult.Step top = r.steps().get(r.steps().size() - 1);
        return new PhaseFigures.Load(total, worst, p95, Optional.of(r.scenarioId() + " " + top.folder() + ", "
                + Math.round(top.level()) + " workers"), top.errorRate() * 100);
    }

    /**
     * The slowest scenario's mean and p95 (by mean): the criterion holds for every operation or not at all. The
     * source names the scenario and whether its latencies are corrected.
     */
    static PhaseFigures.Performance performance(Outcome o) {
        LoadSummary slowest = null;
        for (LoadSummary s : o.summaries()) {
            double mean = latency(s).meanMicros();
            // NaN wins: a scenario without latencies must not let a faster one stand for it.
            if (slowest == null || Double.isNaN(mean) || mean > latency(slowest).meanMicros()) {
                slowest = s;
                if (Double.isNaN(mean)) {
                    break;
                }
            }
        }
        if (slowest == null) {
            return new PhaseFigures.Performance("no load scenario ran", Double.NaN, Double.NaN);
        }
        LatencyStats l = latency(slowest);
        return new PhaseFigures.Performance("load scenario '" + slowest.scenarioId() + "', the slowest ("
                + (slowest.corrected().applicable() ? "corrected" : "uncorrected") + " latencies)",
                l.meanMicros() / 1e3, l.p95Micros() / 1e3);
    }
}
