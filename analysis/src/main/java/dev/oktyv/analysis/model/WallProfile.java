package dev.oktyv.analysis.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A wall-clock profile ({@code --profile wall}) reduced to where its threads were: samples by {@link WaitSite},
 * {@link WaitKind#RUNNING} included, so that shares of {@link #totalSamples} add up to 100%.
 *
 * @param threads which stacks were counted, e.g. "JMH worker threads" when the profile has JMH's benchmark stubs
 */
public record WallProfile(List<Path> sources, String threads, double totalSamples, Map<WaitSite, Double> samples) {

    public WallProfile {
        sources = List.copyOf(sources);
        samples = Map.copyOf(samples);
    }
}
