package dev.oktyv.analysis.testing;

import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.GitInfo;
import dev.oktyv.results.HostInfo;
import dev.oktyv.results.JvmInfo;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import dev.oktyv.results.RunMetadata;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Creates run folders with a given commit, start time, status and jmh.json. */
public final class RunFixtures {

    private RunFixtures() {
    }

    public static RunFolder create(ResultsStore store, Instant start, String commit40, RunStatus status, String jmhJson)
            throws IOException {
        GitInfo git = new GitInfo(commit40, "main", false);
        RunFolder folder = store.create(RunId.of(start, git.shortCommit(), false));
        RunMetadata m = RunMetadata.started("0.1.0", folder.id(), git, start, List.of("run"),
                new HostInfo(java.util.Optional.of("host-a"), "Linux", "6.1", "amd64", java.util.Optional.of("Test CPU"), 2, java.util.OptionalLong.of(1L << 30)),
                new JvmInfo("Eclipse", "17.0.15", "OpenJDK 64-Bit Server VM", "/jdk", List.of()));
        if (status != RunStatus.INCOMPLETE) {
            m = m.finished(start.plusSeconds(60), status);
        }
        folder.writeMetadata(m);
        if (jmhJson != null) {
            AtomicFiles.writeString(folder.jmhJson(), jmhJson);
        }
        return folder;
    }

    public static String sha(char c) {
        return String.valueOf(c).repeat(40);
    }
}
