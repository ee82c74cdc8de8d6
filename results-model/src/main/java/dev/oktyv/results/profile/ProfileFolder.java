package dev.oktyv.results.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** {@code profiles/<workload-id>/} of a run folder: its artifacts by the naming of {@link ProfileArtifacts}. */
public record ProfileFolder(Path path, String workloadId) {

    public ProfileFolder {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(workloadId, "workloadId");
    }

    /** An async-profiler artifact: {@code <event>-f<fork><suffix>}. */
    public Path artifact(EventKind event, int fork, ArtifactFormat format) {
        return path.resolve(ProfileArtifacts.name(event, fork, format));
    }

    /** The JDK Flight Recorder file of one fork, {@code jfr-f<fork>.jfr}. */
    public Path jdkJfr(int fork) {
        return path.resolve(ProfileArtifacts.jdkJfr(fork));
    }

    /** {@code profile.json}, see {@link ProfileManifestJson}. */
    public Path manifest() {
        return path.resolve(ProfileArtifacts.MANIFEST);
    }

    /** The artifacts present, in file-name order; other files (the manifest, notes) are skipped. */
    public List<ProfileArtifact> artifacts() throws IOException {
        List<ProfileArtifact> out = new ArrayList<>();
        if (!Files.isDirectory(path)) {
            return out;
        }
        try (Stream<Path> files = Files.list(path)) {
            files.sorted().forEach(f -> ProfileArtifacts.parse(workloadId, f).ifPresent(out::add));
        }
        return out;
    }
}
