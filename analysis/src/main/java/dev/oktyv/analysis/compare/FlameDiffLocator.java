package dev.oktyv.analysis.compare;

import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.profile.EventKind;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Finds the differential flame graph for a regressed benchmark: {@code diff/<workload-id>-<event>.html} in the
 * candidate run folder, where the profiling capture's diff renderer writes it. It links only a file that exists
 * and only when both runs hold profiles for the benchmark, so a report never carries a dead link.
 */
public interface FlameDiffLocator {

    Optional<String> locate(BenchmarkId id);

    /** {@code diff/<workload-id>-<event>.html}: where a diff is written and looked up, relative to the candidate. */
    static String relativePath(String workloadId, EventKind event) {
        return RunFolder.flameDiffRelative(workloadId, event);
    }

    static FlameDiffLocator none() {
        return id -> Optional.empty();
    }

    static FlameDiffLocator between(RunFolder baseline, RunFolder candidate) {
        return id -> {
            String wid = id.workloadId();
            if (!Files.isDirectory(baseline.profilesDir(wid)) || !Files.isDirectory(candidate.profilesDir(wid))) {
                return Optional.empty();
            }
            for (EventKind e : new EventKind[] {EventKind.CPU, EventKind.WALL, EventKind.ALLOC, EventKind.LOCK}) {
                String rel = relativePath(wid, e);
                if (Files.isRegularFile(candidate.path().resolve(rel))) {
                    return Optional.of(rel);
                }
            }
            return Optional.empty();
        };
    }
}
