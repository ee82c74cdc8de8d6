package dev.oktyv.bench.readiness;

import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.load.stress.StressPlan;
import dev.oktyv.bench.load.stress.StressRunner;
import dev.oktyv.bench.load.thresholds.Threshold;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.StressLevel;
import dev.oktyv.results.load.StressResult;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The load phase's stress steps (the {@code load --stress} machinery): one scenario stepped up in workers to find
 * the highest step within the error criterion (the last before the first step whose error rate breaks it; not
 * {@code analyze}'s latency knee, the first p99 jump). The load criterion then reads
 * the error rate at the highest step, the maximum load (the seed's "error rate &lt; 1% at max load").
 *
 * <p>One scenario, because the budget is one scenario's: {@code database} in process (a bounded connection pool
 * behind it, so workers beyond the pool queue, which is what a limit is made of), {@code service-health} against a
 * user's service (read-only: a stress test must not write into someone's vault). {@code --quick}: 10, 50, 100, 200
 * workers for 1 s each (about 10 s with each step's set-up); the default: the seed's 10, 50, 100, 200, 500, 5 s each.
 */
final class LoadStress {

    static final StressPlan QUICK = new StressPlan(StressLevel.Kind.CONCURRENCY, List.of(10.0, 50.0, 100.0, 200.0),
            Duration.ofSeconds(1));
    static final StressPlan DEFAULT = StressPlan.parse(StressLevel.Kind.CONCURRENCY, StressPlan.DEFAULT_LEVELS,
            Duration.ofSeconds(5));

    private LoadStress() {
    }

    /** {@code load/<id>.stress/}: the stress steps' folder. */
    static String folderName(String scenarioId) {
        // Beside load/<id>/ of the scenario's own run, not in it: its summary.json stays the seed-concurrency run.
        return scenarioId + ".stress";
    }

    static StressResult run(Scenario scenario, StressPlan plan, double maxErrorRatePercent, ScenarioRunner runner,
                            RunFolder folder, PrintStream console) throws Exception {
        Threshold criterion = Threshold.parse("error_rate<" + BigDecimal.valueOf(maxErrorRatePercent)
                .stripTrailingZeros().toPlainString() + "%");
        console.printf(Locale.ROOT, "  stress %s: %s workers, %s s each; a step holds while %s%n", scenario.id(),
                plan.levels().stream().map(l -> Long.toString(Math.round(l))).toList(),
                plan.stepDuration().toMillis() / 1000.0, criterion.expression());
        StressResult r = new StressRunner(runner, console).run(scenario, plan,
                level -> StressRunner.stepModel(plan, level, 1, 1, Duration.ZERO), List.of(criterion),
                folder.load(folderName(scenario.id())).path());
        StressResult.Step top = r.steps().get(r.steps().size() - 1);
        console.printf(Locale.ROOT, "  %s; max load %s: errors %.2f%%%n", highestLine(r, criterion), top.folder(),
                top.errorRate() * 100);
        return r;
    }

    /**
     * {@code highest step within error_rate<1%: step-03-100 (100 workers, 812.4 req/s)}. Not called "knee": the
     * analysis's latency knee (the first p99 jump) is usually a lower step, and both appear in the same run.
     */
    static String highestLine(StressResult r, Threshold criterion) {
        var highest = r.highestPassingIndex();
        String label = "highest step within " + criterion.expression() + ": ";
        if (highest.isEmpty()) {
            return label + "none, even the first step broke it";
        }
        StressResult.Step s = r.steps().get(highest.getAsInt());
        return label + String.format(Locale.ROOT, "%s (%d workers, %.1f req/s)", s.folder(), Math.round(s.level()),
                s.achievedPerSecond());
    }
}
