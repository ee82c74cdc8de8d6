package dev.oktyv.bench.run;

import dev.oktyv.results.profile.ProfileArtifacts;
import dev.oktyv.results.profile.ProfileManifest;
import dev.oktyv.results.profile.ProfileManifestJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * After a profiled benchmark: one console line per workload (benchmark + params) saying what the forks captured
 * and which cpu engine actually ran, read back from the {@code profile.json} the forks wrote. The engine is worth
 * a line of its own because a fallback to {@code itimer} changes what the flame graph can be trusted for.
 */
final class ProfileSummary {

    private ProfileSummary() {
    }

    static void print(Path runFolder, String benchmark, PrintStream console) {
        Path root = runFolder.resolve(dev.oktyv.results.RunFolder.PROFILES_DIR);
        String safe = ProfileArtifacts.safeId(benchmark);
        List<Path> dirs;
        try (Stream<Path> s = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            dirs = s.filter(d -> {
                String n = d.getFileName().toString();
                return n.equals(safe) || n.startsWith(safe + "-");
            }).sorted().toList();
        } catch (IOException e) {
            console.println("# oktyv-bench: warning: cannot list " + root + ": " + e.getMessage());
            return;
        }
        if (dirs.isEmpty()) {
            console.println("# oktyv-bench: warning: no profile was written for " + benchmark
                    + " (see the fork output above)");
            return;
        }
        for (Path dir : dirs) {
            Path manifest = dir.resolve(ProfileArtifacts.MANIFEST);
            if (!Files.isRegularFile(manifest)) {
                console.println("# oktyv-bench: warning: " + dir + " has no " + ProfileArtifacts.MANIFEST);
                continue;
            }
            try {
                console.println("# oktyv-bench: " + line(runFolder, dir, ProfileManifestJson.read(manifest)));
            } catch (IOException | RuntimeException e) {
                console.println("# oktyv-bench: warning: unreadable " + manifest + ": " + e.getMessage());
            }
        }
    }

    static String line(Path runFolder, Path dir, ProfileManifest m) {
        String forks = m.forks().stream().map(f -> "f" + f.fork() + " "
                + (f.asyncEvents().isEmpty() ? "" : f.asyncEvents().stream().map(dev.oktyv.results.profile.EventKind::id).collect(java.util.stream.Collectors.joining("+")))
                + (f.jfr() ? (f.asyncEvents().isEmpty() ? "" : "+") + "jfr" : "")
                + f.cpuEngine().map(e -> " (cpu engine " + e.id() + ")").orElse("")
                + (f.warnings().isEmpty() ? "" : ", " + f.warnings().size() + " warning(s)"))
                .collect(Collectors.joining("; "));
        return "profile " + m.workloadId() + ": " + (forks.isEmpty() ? "no fork captured anything" : forks)
                + " in " + runFolder.relativize(dir);
    }
}
