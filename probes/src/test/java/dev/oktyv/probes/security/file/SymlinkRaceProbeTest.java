package dev.oktyv.probes.security.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymlinkRaceProbeTest {

    @TempDir
    Path scratch;

    // Fails today: the store checks the path, then opens it by name, so a flip in between reads the sentinel (seen:
    // "read('race/sentinel.txt') returned the sentinel's content" after 3 s, 4587 flips). Issue 13 makes every
    // operation walk from an open root directory with O_NOFOLLOW.
    @Test
    void passesAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new SymlinkRaceProbe().run(TestFileTargets.target(TestFileTargets.real(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
    }

    /** Reads and writes that follow symlinks without checking where they lead: the race is won at once. */
    @Test
    void failsAgainstAnEngineThatFollowsSymlinks() throws Exception {
        FileTarget following = TestFileTargets.weakened("file store that follows symlinks on read and write",
                (real, root) -> new ForwardingFileEngine(real) {
                    @Override
                    public byte[] read(String path) {
                        return new NaiveFileEngine(root).read(path);
                    }

                    @Override
                    public void write(String path, byte[] data) {
                        new NaiveFileEngine(root).write(path, data);
                    }
                });

        ProbeOutcome outcome = new SymlinkRaceProbe(Duration.ofSeconds(1)).run(TestFileTargets.target(following, scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l)
                .isIn("read('race/sentinel.txt') returned the sentinel's content",
                        "outside the root: outside/written.txt was created"));
    }
}
