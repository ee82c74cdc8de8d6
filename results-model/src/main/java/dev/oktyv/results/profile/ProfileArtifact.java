package dev.oktyv.results.profile;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One file under {@code profiles/<workload-id>/}, recognised by {@link ProfileArtifacts#parse}.
 *
 * @param event the async-profiler event; empty for the JDK Flight Recorder ({@link ArtifactFormat#JDK_JFR}), which
 *              records every event type at once
 * @param fork  from 1; a load scenario is fork 1
 */
public record ProfileArtifact(String workloadId, Optional<EventKind> event, ArtifactFormat format, int fork,
                              Path path) {

    public ProfileArtifact {
        Objects.requireNonNull(workloadId, "workloadId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(path, "path");
        if (fork < 1) {
            throw new IllegalArgumentException("fork must be >= 1, was " + fork);
        }
        if (event.isPresent() == (format == ArtifactFormat.JDK_JFR)) {
            throw new IllegalArgumentException("a " + format + " artifact " + (event.isPresent()
                    ? "has no event, got " + event.get() : "needs an event") + " (" + path + ")");
        }
    }
}
