package dev.oktyv.results.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** All profile artifacts of one run folder ({@code profiles/*}/), found by the naming of {@link ProfileArtifacts}. */
public record ProfileInventory(List<ProfileArtifact> artifacts) {

    /** Workload, then the events in their declared order with the JDK recording last, then fork, then format. */
    private static final Comparator<ProfileArtifact> ORDER = Comparator.comparing(ProfileArtifact::workloadId)
            .thenComparingInt(a -> a.event().map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparingInt(ProfileArtifact::fork).thenComparing(ProfileArtifact::format);

    public ProfileInventory {
        artifacts = List.copyOf(artifacts);
    }

    /** Scans {@code profilesRoot} (a run folder's {@code profiles/}); absent means no artifacts. */
    public static ProfileInventory scan(Path profilesRoot) throws IOException {
        List<ProfileArtifact> out = new ArrayList<>();
        if (!Files.isDirectory(profilesRoot)) {
            return new ProfileInventory(out);
        }
        try (Stream<Path> dirs = Files.list(profilesRoot)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                out.addAll(new ProfileFolder(dir, dir.getFileName().toString()).artifacts());
            }
        }
        out.sort(ORDER);
        return new ProfileInventory(out);
    }

    public Set<String> workloadIds() {
        Set<String> ids = new TreeSet<>();
        artifacts.forEach(a -> ids.add(a.workloadId()));
        return ids;
    }

    public List<ProfileArtifact> of(String workloadId) {
        return artifacts.stream().filter(a -> a.workloadId().equals(workloadId)).toList();
    }

    /** One workload's files of one async-profiler event in one format, fork by fork. */
    public List<ProfileArtifact> of(String workloadId, EventKind event, ArtifactFormat format) {
        return artifacts.stream().filter(a -> a.workloadId().equals(workloadId)
                && a.event().equals(Optional.of(event)) && a.format() == format).toList();
    }

    /** One workload's JDK Flight Recorder files, fork by fork. */
    public List<ProfileArtifact> jdkJfr(String workloadId) {
        return artifacts.stream().filter(a -> a.workloadId().equals(workloadId)
                && a.format() == ArtifactFormat.JDK_JFR).toList();
    }

    public boolean isEmpty() {
        return artifacts.isEmpty();
    }
}
