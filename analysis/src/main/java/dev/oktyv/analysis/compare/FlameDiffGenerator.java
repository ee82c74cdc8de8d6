package dev.oktyv.analysis.compare;

import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.profiles.flame.ProfileFolders;
import dev.oktyv.profiles.flame.ProfileInputException;
import dev.oktyv.results.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Explains a regression with a picture: for a regressed benchmark whose profile folder exists in both runs, it
 * renders {@code diff/<workload-id>-<event>.html} into the candidate run folder (baseline -> candidate, all forks
 * summed, with the profiles module's diff renderer) for every event both sides captured, then links the first
 * of cpu, wall, alloc, lock. It is asked only about regressed benchmarks, so comparing large runs renders
 * nothing for the benchmarks that did not move. A diff that cannot be made (a side with no samples, an
 * unreadable file: {@code EmptyProfileException} is a {@link ProfileInputException}) is reported through {@code warnings} and the comparison goes on without the link.
 */
public final class FlameDiffGenerator implements FlameDiffLocator {

    private static final EventKind[] ORDER = {EventKind.CPU, EventKind.WALL, EventKind.ALLOC, EventKind.LOCK};

    private final RunFolder baseline;
    private final RunFolder candidate;
    private final Consumer<String> warnings;

    public FlameDiffGenerator(RunFolder baseline, RunFolder candidate, Consumer<String> warnings) {
        this.baseline = baseline;
        this.candidate = candidate;
        this.warnings = warnings;
    }

    @Override
    public Optional<String> locate(BenchmarkId id) {
        String wid = id.workloadId();
        Path base;
        Path next;
        try {
            base = baseline.profilesDir(wid);
            next = candidate.profilesDir(wid);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a name a profile folder can have, so there is no profile to diff
        }
        for (EventKind kind : ORDER) {
            String rel = FlameDiffLocator.relativePath(wid, kind);
            try {
                ProfileFolders.writeDiff(base, next, kind, kind.id() + " diff of " + id.label() + ": "
                        + baseline.id() + " -> " + candidate.id(), candidate.path().resolve(rel));
            } catch (IOException | ProfileInputException e) {
                warnings.accept("no " + kind.id() + " diff flame graph for " + id.label() + ": " + e.getMessage());
            }
        }
        return FlameDiffLocator.between(baseline, candidate).locate(id);
    }
}
