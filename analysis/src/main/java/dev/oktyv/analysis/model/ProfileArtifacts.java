package dev.oktyv.analysis.model;

import dev.oktyv.results.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** All profile artifacts of one run folder, found by the file-name contract. */
public record ProfileArtifacts(List<ProfileArtifact> artifacts) {

    public ProfileArtifacts {
        artifacts = List.copyOf(artifacts);
    }

    public static ProfileArtifacts scan(RunFolder run) throws IOException {
        Path root = run.path().resolve(RunFolder.PROFILES_DIR);
        List<ProfileArtifact> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new ProfileArtifacts(out);
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String workload = dir.getFileName().toString();
                try (Stream<Path> files = Files.list(dir)) {
                    files.sorted().forEach(f -> ProfileArtifact.parse(workload, f).ifPresent(out::add));
                }
            }
        }
        out.sort(Comparator.comparing(ProfileArtifact::workloadId).thenComparing(ProfileArtifact::event)
                .thenComparing(ProfileArtifact::fork).thenComparing(ProfileArtifact::format));
        return new ProfileArtifacts(out);
    }

    public Set<String> workloadIds() {
        Set<String> ids = new TreeSet<>();
        artifacts.forEach(a -> ids.add(a.workloadId()));
        return ids;
    }

    public List<ProfileArtifact> of(String workloadId) {
        return artifacts.stream().filter(a -> a.workloadId().equals(workloadId)).toList();
    }

    public List<ProfileArtifact> of(String workloadId, ProfileArtifact.ProfileEvent event, ProfileArtifact.ArtifactFormat format) {
        return artifacts.stream().filter(a -> a.workloadId().equals(workloadId) && a.event() == event
                && a.format() == format).toList();
    }

    public boolean isEmpty() {
        return artifacts.isEmpty();
    }
}
