package dev.oktyv.results;

import java.util.Objects;

/** A run as a store lists it: its id and {@code run.json}; the host class is {@link HostClass#of} the metadata. */
public record StoredRun(RunId id, RunMetadata metadata) {

    public StoredRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
    }

    public String hostClass() {
        return HostClass.of(metadata);
    }
}
