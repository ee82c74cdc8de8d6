package dev.oktyv.bench.load.stress;

import dev.oktyv.results.load.StressLevel;
import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.load.thresholds.Threshold;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.StressResult;
import dev.oktyv.results.load.StressResultJson;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * Runs a scenario at each level of a {@link StressPlan} into {@code step-NN-<level>/} and writes
 * {@code stress.json} with the highest passing step (its {@code knee} field): the last step before the first one
 * that failed the criteria.
 */
public final class StressRunner {

    private final ScenarioRunner runner;
    private final PrintStream console;

    public StressRunner(ScenarioRunner runner, PrintStream console) {
        this.runner = runner;
        this.console = console;
    }

    /**
     * What runs alongside one step's measured phase (a profiler), opened before the step and closed right after
     * it, so each step has its own capture and the steps around the highest passing one can be diffed.
     */
    public interface StepListener extends ScenarioRunner.MeasuredPhaseListener, AutoCloseable {
        StepListener NONE = new StepListener() {
            @Override
            public void measuredPhaseStarts() {
            }

            @Override
            public void close() {
            }
        };

        @Override
        void close();
    }

    /** {@link #run(Scenario, StressPlan, DoubleFunction, List, Path, Function)} with nothing alongside the steps. */
    public StressResult run(Scenario scenario, StressPlan plan, DoubleFunction<LoadModel> modelAt,
                            List<Threshold> criteria, Path directory) throws Exception {
        return run(scenario, plan, modelAt, criteria, directory, folder -> StepListener.NONE);
    }

    /**
     * @param modelAt the load model of one step for a level (workers or arrivals per second)
     * @param criteria the thresholds a step must meet to count as sustainable
     * @param listenerFor the listener of the step whose folder ({@code step-NN-<level>}) is given
     */
    public StressResult run(Scenario scenario, StressPlan plan, DoubleFunction<LoadModel> modelAt,
                            List<Threshold> criteria, Path directory, Function<String, StepListener> listenerFor)
            throws Exception {
        List<StressResult.Step> steps = new ArrayList<>();
        for (int i = 0; i < plan.levels().size(); i++) {
            double level = plan.levels().get(i);
            String folder = plan.folder(i);
            LoadSummary s;
            try (StepListener listener = listenerFor.apply(folder)) {
                s = runner.run(scenario, modelAt.apply(level), criteria, directory.resolve(folder), listener).summary();
            }
            StressResult.Step step = new StressResult.Step(folder, level, s.rates().achievedPerSecond(),
                    s.corrected().applicable() ? s.corrected().p99Micros() : s.uncorrected().p99Micros(),
                    s.totals().errorRate(), s.rates().dropped(), s.thresholdsPassed() && s.totals().total() > 0);
            steps.add(step);
            console.println(String.format(Locale.ROOT, "  %-14s %10.1f/s  p99 %10.3fms  errors %6.2f%%  dropped %d  %s",
                    folder, step.achievedPerSecond(), step.p99Micros() / 1e3, step.errorRate() * 100,
                    step.dropped(), step.passed() ? "ok" : "FAILED"));
        }
        StressResult result = new StressResult(StressResult.FORMAT_VERSION, scenario.id(), plan.kind(),
                plan.stepDuration().toNanos() / 1e9, criteria.stream().map(Threshold::expression).toList(), steps);
        AtomicFiles.writeString(new LoadFolder(directory).stress(), StressResultJson.write(result));
        return result;
    }

    /** The model of one step: concurrency levels are closed loops, rate levels constant arrival rates. */
    public static LoadModel stepModel(StressPlan plan, double level, int openWorkers, int openMaxInFlight,
                                      Duration thinkTime) {
        if (plan.kind() == StressLevel.Kind.CONCURRENCY) {
            return new LoadModel.Closed((int) level, thinkTime, Duration.ZERO, Duration.ZERO, plan.stepDuration(),
                    java.util.OptionalDouble.empty());
        }
        return new LoadModel.Open(dev.oktyv.bench.load.schedule.ArrivalSchedule.constant(level, plan.stepDuration(),
                Duration.ZERO), openWorkers, openMaxInFlight);
    }
}
