package dev.oktyv.results.recovery;

import java.util.Objects;

/**
 * One observation behind a verdict, with the engine channel it came from ({@code source}: e.g.
 * {@code BreakerListener}, {@code ApiResponse.attempts}, {@code HikariPoolMXBean}, {@code Sleeper}), so a reader
 * can tell engine-reported facts from the probe's own measurements ({@code probe-clock}).
 */
public record Evidence(String source, String observation) {

    public Evidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(observation, "observation");
        if (source.isBlank()) {
            throw new IllegalArgumentException("evidence source must not be blank (observation: " + observation + ")");
        }
    }
}
