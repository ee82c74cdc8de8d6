package dev.oktyv.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInfoTest {

    @TempDir
    Path dir;

    @Test
    void outsideACheckoutTheCommitIsUnknown() {
        GitInfo git = GitInfo.detect(dir);
        assertThat(git).isEqualTo(GitInfo.unknown());
        assertThat(git.shortCommit()).isEqualTo("unknown");
        assertThat(RunId.of(java.time.Instant.EPOCH, git.shortCommit(), git.dirty()).value())
                .isEqualTo("19700101T000000Z-unknown");
    }

    @Test
    void readsCommitBranchAndDirtyFlagOfACheckout() throws Exception {
        assumeTrue(run(dir, "git", "--version"), "git is not installed");
        assertThat(run(dir, "git", "init", "-q", "-b", "trunk")).isTrue();
        Files.writeString(dir.resolve("a.txt"), "a");
        assertThat(run(dir, "git", "add", "a.txt")).isTrue();
        assertThat(run(dir, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "a")).isTrue();

        GitInfo clean = GitInfo.detect(dir);
        assertThat(clean.commit()).matches("[0-9a-f]{40}");
        assertThat(clean.shortCommit()).hasSize(10).isEqualTo(clean.commit().substring(0, 10));
        assertThat(clean.branch()).isEqualTo("trunk");
        assertThat(clean.dirty()).isFalse();

        Files.writeString(dir.resolve("untracked.txt"), "b");
        assertThat(GitInfo.detect(dir).dirty()).isTrue();
    }

    @Test
    void theEmptyRelativePathMeansTheCurrentDirectory() {
        // Commands pass Path.of("") for "where the user stands"; a bare "" is no directory to start git in.
        assertThat(GitInfo.detect(Path.of(""))).isEqualTo(GitInfo.detect(Path.of("").toAbsolutePath()));
    }

    private static boolean run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
