package dev.oktyv.analysis.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A wall-clock profile ({@code --profile wall}) reduced to where its threads were: samples by {@link WaitSite} (thread
 * group, kind, waiting frame), {@link WaitKind#RUNNING} included, so that a group's shares add up to 100%. A collapsed
 * profile names no threads: its one group says which stacks were counted ("JMH worker threads ...", "all threads").
 */
public record WallProfile(List<Path> sources, Map<WaitSite, Double> samples) {

    public WallProfile {
        sources = List.copyOf(sources);
        samples = Map.copyOf(samples);
    }

    public double totalSamples() {
        return samples.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
