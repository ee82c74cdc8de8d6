package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.duration.Durations;
import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.load.stress.StressPlan;
import dev.oktyv.bench.load.stress.StressRunner;
import dev.oktyv.bench.load.thresholds.Threshold;
import dev.oktyv.profiles.capture.ProfileRequest;
import dev.oktyv.results.load.StressResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@code load --stress} wiring: each scenario stepped through the plan's levels with the load shape's
 * per-scenario workers and backlog, each step optionally profiled on its own, and the highest passing step printed.
 */
final class StressSteps {

    private final StressPlan plan;
    private final LoadModelOptions shape;
    private final ModelOptions model;

    StressSteps(StressPlan plan, LoadModelOptions shape, ModelOptions model) {
        this.plan = plan;
        this.shape = shape;
        this.model = model;
    }

    /** Builds every step's model of every scenario, so a bad step is a usage error before the run folder exists. */
    void validate(List<Scenario> scenarios) {
        for (Scenario s : scenarios) {
            for (double level : plan.levels()) {
                stepModel(s, level);
            }
        }
    }

    /** Runs the steps of {@code s} into {@code dir}; true when at least the first step passed the criteria. */
    boolean run(ScenarioRunner runner, PrintStream console, Scenario s, List<Threshold> criteria, Path dir,
                Path runFolder, ProfileRequest profiling) throws Exception {
        List<Threshold> effective = LoadVerdict.effective(criteria);
        console.println("stress " + s.id() + ": " + plan.kind().wireName() + " " + plan.levels() + ", "
                + Durations.format(plan.stepDuration()) + " each; criteria " + effective.stream()
                .map(Threshold::expression).toList());
        // With --profile each step is its own workload, profiles/<scenario>.<step-NN-level>/, so two neighbouring
        // steps (the latency knee and the step before it) can be put side by side with flame --diff.
        StressResult r = new StressRunner(runner, console).run(s, plan, level -> stepModel(s, level),
                effective, dir, folder -> profiling.isEmpty() ? StressRunner.StepListener.NONE
                        : new ScenarioProfiling(profiling, runFolder, stepWorkloadId(s, folder), console));
        // Not "knee": analyze's latency knee (the first p99 jump) is another step, often a lower one.
        var highest = r.highestPassingIndex();
        if (highest.isEmpty()) {
            console.println("  highest passing step: none, even the first step failed "
                    + effective.stream().map(Threshold::expression).toList());
            return false;
        }
        StressResult.Step k = r.steps().get(highest.getAsInt());
        console.println(String.format(Locale.ROOT, "  highest passing step: %s (%s %s, %.1f/s achieved)", k.folder(),
                plan.kind().wireName(), k.level(), k.achievedPerSecond()));
        return true;
    }

    /** The profile workload id of one stress step: {@code <scenario-id>.<step folder>}. */
    static String stepWorkloadId(Scenario s, String stepFolder) {
        return s.id() + "." + stepFolder;
    }

    private LoadModel stepModel(Scenario s, double level) {
        return StressRunner.stepModel(plan, level, shape.workersFor(s), shape.maxInFlightFor(s), model.thinkTime());
    }
}
