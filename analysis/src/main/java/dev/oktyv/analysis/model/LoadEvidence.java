package dev.oktyv.analysis.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The numbers the load rules need from one scenario. Built from the load runner's {@code summary.json} /
 * {@code stress.json} (an adapter from {@code dev.oktyv.results.load.LoadSummary}) and from
 * {@code latency.hlog} (tags {@code corrected} and {@code service}). Unknown values are NaN.
 *
 * @param droppedStarts requests the open-model generator could not start on schedule
 * @param steps         stress steps in the order they ran; empty for a single-level scenario
 */
public record LoadEvidence(String scenarioId, Path source, double requests, double errors, double droppedStarts,
                           double correctedP99Nanos, double serviceP99Nanos, List<StressStep> steps) {

    public LoadEvidence {
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(source, "source");
        steps = List.copyOf(steps);
    }

    /** One level of a stress run. Rates are per second. */
    public record StressStep(String name, double offeredRate, double achievedRate, double p99Nanos, double errorRate,
                             Path source) {
    }
}
