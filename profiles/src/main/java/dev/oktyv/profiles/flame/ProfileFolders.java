package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.ArtifactFormat;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.results.profile.ProfileArtifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A workload's profile folder ({@code profiles/<workload-id>/}) as one profile per event: the
 * {@code <event>-f<N>.collapsed} files of all forks summed. Used by {@code flame DIR} and by the analysis'
 * differential flame graphs of a regressed benchmark, so both read a folder the same way.
 */
public final class ProfileFolders {

    private ProfileFolders() {
    }

    /** The collapsed-stack files of {@code kind}, one per fork; empty when the folder has none (or does not exist). */
    public static List<Path> forkFiles(Path dir, EventKind kind) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        // The naming contract of results-model, the same the capture wrote these files with.
        String workload = dir.getFileName() == null ? "" : dir.getFileName().toString();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> ProfileArtifacts.parse(workload, f)
                    .filter(a -> a.event().equals(Optional.of(kind)) && a.format() == ArtifactFormat.COLLAPSED)
                    .isPresent()).sorted().toList();
        }
    }

    /**
     * All forks of {@code kind} summed.
     *
     * @throws ProfileInputException the folder has no {@code <event>-f<N>.collapsed} file
     */
    public static StackProfile read(Path dir, EventKind kind) throws IOException {
        List<Path> forks = forkFiles(dir, kind);
        if (forks.isEmpty()) {
            throw new ProfileInputException("profile folder " + dir + " has no " + kind.id() + "-f<N>.collapsed file");
        }
        StackProfile.Builder b = StackProfile.builder(kind);
        for (Path f : forks) {
            CollapsedStacks.read(f, kind).stacks().forEach(b::add);
        }
        // Each fork is its own JVM, with its own lambda and proxy class names: normalise so the forks merge.
        return FrameNormaliser.STANDARD.apply(b.build());
    }

    /**
     * Writes the differential flame graph BASE -> NEW of two profile folders for one event.
     *
     * @return the diff written, or empty when either folder has no collapsed stacks of the event (nothing to
     *         compare, nothing written)
     * @throws EmptyProfileException the files exist but one side has no samples
     */
    public static Optional<ProfileDiff> writeDiff(Path baseDir, Path newDir, EventKind kind, String title, Path target)
            throws IOException {
        if (forkFiles(baseDir, kind).isEmpty() || forkFiles(newDir, kind).isEmpty()) {
            return Optional.empty();
        }
        StackProfile base = read(baseDir, kind);
        StackProfile next = read(newDir, kind);
        ProfileDiff d = ProfileDiff.of(base, next);
        String note = base.incomplete() || next.incomplete() ? ("Incomplete input: " + base.note() + " " + next.note()).trim() : "";
        Files.createDirectories(target.toAbsolutePath().getParent());
        new DiffFlameGraphConverter(title).writeTo(d, note, target);
        return Optional.of(d);
    }
}
