package dev.oktyv.bench.run;

import dev.oktyv.bench.duration.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * How long JMH measures one parameter combination: forks, warm-up and measurement iterations.
 *
 * @param forks                 fresh JVMs per combination (0 runs in the host JVM, which JMH discourages)
 * @param warmupIterations      discarded iterations per fork
 * @param warmupTime            length of one warm-up iteration
 * @param measurementIterations measured iterations per fork
 * @param measurementTime       length of one measured iteration
 */
public record IterationPlan(int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
                            Duration measurementTime) {

    public IterationPlan {
        if (forks < 0) {
            throw new IllegalArgumentException("forks must be >= 0, was " + forks);
        }
        if (warmupIterations < 0) {
            throw new IllegalArgumentException("warmupIterations must be >= 0, was " + warmupIterations);
        }
        if (measurementIterations < 1) {
            throw new IllegalArgumentException("measurementIterations must be >= 1, was " + measurementIterations);
        }
        RunOptions.requirePositive("warmupTime", Objects.requireNonNull(warmupTime, "warmupTime"));
        RunOptions.requirePositive("measurementTime", Objects.requireNonNull(measurementTime, "measurementTime"));
    }

    /**
     * Wall time of one parameter combination of a time-based benchmark, fork start-up not included. A
     * {@code forks} of 0 still runs once, in the host JVM.
     */
    public Duration timePerCombination() {
        Duration perFork = warmupTime.multipliedBy(warmupIterations).plus(measurementTime.multipliedBy(measurementIterations));
        return perFork.multipliedBy(Math.max(1, forks));
    }

    /** The plan as JMH options, e.g. {@code -f 1 -wi 1 -i 3 -w 1s -r 1s}. */
    public String describe() {
        return "-f " + forks + " -wi " + warmupIterations + " -i " + measurementIterations + " -w "
                + Durations.format(warmupTime) + " -r " + Durations.format(measurementTime);
    }
}
