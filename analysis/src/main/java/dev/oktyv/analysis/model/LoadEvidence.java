package dev.oktyv.analysis.model;

import dev.oktyv.results.load.StressLevel;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The numbers the load rules need from one scenario. Built from the load runner's {@code summary.json} /
 * {@code stress.json} (an adapter from {@code dev.oktyv.results.load.LoadSummary}) and from
 * {@code latency.hlog} (tags {@code corrected} and {@code service}). Unknown values are NaN.
 *
 * @param droppedStarts requests the open-model generator could not start on schedule
 * @param steps         stress steps in the order they ran, all of one {@link StressLevel.Kind}; empty for a
 *                      single-level scenario
 */
public record LoadEvidence(String scenarioId, Path source, double requests, double errors, double droppedStarts,
                           double correctedP99Nanos, double serviceP99Nanos, List<StressStep> steps) {

    public LoadEvidence {
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(source, "source");
        steps = List.copyOf(steps);
        // One stress run varies one thing; a mix would sort workers among rates and compare them as if alike.
        Set<StressLevel.Kind> kinds = steps.stream().map(s -> s.level().kind()).collect(Collectors.toSet());
        if (kinds.size() > 1) {
            throw new IllegalArgumentException("stress steps of " + scenarioId + " mix level kinds " + kinds
                    + "; a stress run varies either the rate or the concurrency");
        }
    }

    /**
     * One level of a stress run.
     *
     * @param level        what the step applied: a rate offered or a number of workers
     * @param achievedRate operations completed per second (the throughput), whatever the level kind
     */
    public record StressStep(String name, StressLevel level, double achievedRate, double p99Nanos, double errorRate,
                             Path source) {
        public StressStep {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(source, "source");
        }
    }
}
