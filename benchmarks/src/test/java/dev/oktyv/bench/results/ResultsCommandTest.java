package dev.oktyv.bench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.cli.Cli;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.results.GitInfo;
import dev.oktyv.results.HostInfo;
import dev.oktyv.results.JvmInfo;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import dev.oktyv.results.RunMetadata;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCommandTest {

    @TempDir
    Path root;

    private static final Instant T = Instant.parse("2026-11-28T00:15:00Z");

    private void run(Instant start, GitInfo git, RunStatus status, String jmhJson) throws IOException {
        RunFolder f = new ResultsStore(root).create(RunId.of(start, git.shortCommit(), git.dirty()));
        RunMetadata m = RunMetadata.started("0.1.0", f.id(), git, start, List.of("run"),
                new HostInfo(java.util.Optional.of("h"), "Linux", "6", "amd64", java.util.Optional.of("cpu"), 2, java.util.OptionalLong.of(1L)), new JvmInfo("v", "17", "vm", "/j", List.of()));
        f.writeMetadata(status == RunStatus.INCOMPLETE ? m : m.finished(start.plusSeconds(5), status));
        if (jmhJson != null) {
            Files.writeString(f.jmhJson(), jmhJson);
        }
    }

    @BeforeEach
    void threeRuns() throws IOException {
        run(T, new GitInfo("abcdef0123456789abcdef0123456789abcdef01", "main", false), RunStatus.COMPLETE,
                "[{\"benchmark\":\"a\"},{\"benchmark\":\"b\",\"rawData\":[[1,2]]}]");
        run(T.plusSeconds(60), GitInfo.unknown(), RunStatus.INCOMPLETE, "[{\"benchmark\":\"a\"}]");
        run(T.plusSeconds(120), new GitInfo("1234567890abcdef1234567890abcdef12345678", "x", true), RunStatus.FAILED,
                null);
        Files.createDirectory(root.resolve("20261128T002000Z-deadbeef00")); // a run folder without run.json
    }

    @Test
    void listsRunsNewestFirst() {
        Cli.Result r = Cli.run("results", "--results-dir", root.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().map(String::stripTrailing)).containsExactly(
                "ID                                    COMMIT            STARTED (UTC)        STATUS       BENCHMARKS",
                "20261128T002000Z-deadbeef00           deadbeef00        2026-11-28 00:20:00  unreadable: no run.json  -",
                "20261128T001700Z-1234567890-dirty     1234567890-dirty  2026-11-28 00:17:00  failed       -",
                "20261128T001600Z-unknown              unknown           2026-11-28 00:16:00  incomplete   1",
                "20261128T001500Z-abcdef0123           abcdef0123        2026-11-28 00:15:00  complete     2");
    }

    @Test
    void limitKeepsTheNewest() {
        Cli.Result r = Cli.run("results", "--results-dir", root.toString(), "--limit", "1");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().toList()).hasSize(3);
        assertThat(r.out()).contains("20261128T002000Z-deadbeef00").contains("(3 older runs not shown; use --limit)");
    }

    @Test
    void aLimitBelowOneIsAUsageError() {
        Cli.Result r = Cli.run("results", "--results-dir", root.toString(), "--limit", "0");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("error: --limit must be >= 1, was 0");
    }

    @Test
    void anEmptyStoreSaysSo() {
        Cli.Result r = Cli.run("results", "--results-dir", root.resolve("none").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("no runs under " + root.resolve("none"));
    }

    @Test
    void importMakesACompleteRunFolderFromAForeignJmhResult() throws IOException {
        Path file = root.resolve("jmh-result.json");
        Files.writeString(file, "[{\"jmhVersion\":\"1.35\",\"benchmark\":\"org.example.B.m\",\"mode\":\"thrpt\","
                + "\"jvm\":\"/opt/jdk-11.0.2/bin/java\",\"jdkVersion\":\"11.0.2\",\"vmName\":\"OpenJDK 64-Bit Server VM\","
                + "\"primaryMetric\":{\"score\":5,\"scoreUnit\":\"ops/ms\",\"rawData\":[[5,5],[5,5]]}}]");
        Cli.Result r = Cli.run("results", "import", file.toString(), "--commit", "FEEDBEEF12", "--started",
                "2026-11-29T10:00:00Z", "--results-dir", root.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("imported 1 benchmark results into", "JMH 1.35", "JVM OpenJDK 64-Bit Server VM 11.0.2");
        RunFolder f = RunFolder.open(root.resolve("20261129T100000Z-feedbeef12"));
        RunMetadata m = f.readMetadata();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.jvm().version()).isEqualTo("11.0.2");
        assertThat(m.git().commit()).isEqualTo("feedbeef12");
        assertThat(Cli.run("results", "--results-dir", root.toString()).out()).contains("20261129T100000Z-feedbeef12", "complete");

        Cli.Result badSha = Cli.run("results", "import", file.toString(), "--commit", "xyz", "--results-dir", root.toString());
        assertThat(badSha.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badSha.err()).contains("--commit must be 4 to 40 hex digits, was 'xyz'").doesNotContain("at dev.");
        Files.writeString(file, "{}");
        Cli.Result notJmh = Cli.run("results", "import", file.toString(), "--results-dir", root.toString());
        assertThat(notJmh.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(notJmh.err()).contains("is not a JMH result");
    }

    @Test
    void aDamagedRunSaysWhereAndWhatIsWrong() throws IOException {
        run(T.plusSeconds(300), new GitInfo("fedcba9876543210fedcba9876543210fedcba98", "main", false), RunStatus.COMPLETE,
                "[{\"benchmark\":\"a\"}]]");
        Path badRun = root.resolve("20261128T002100Z-0123456789");
        Files.createDirectory(badRun);
        Files.writeString(badRun.resolve(RunFolder.RUN_JSON), "{\"formatVersion\": 1,\n\"id\" 3}");
        Cli.Result r = Cli.run("results", "--results-dir", root.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("20261128T002100Z-0123456789           0123456789        2026-11-28 00:21:00  unreadable:"
                + " malformed run.json: line 2, column 7: expected ':' after the property name (in $.id)");
        assertThat(r.out()).contains("complete     unreadable: jmh.json: line 1, column 21: expected the end of the file after the first JSON value");
        assertThat(r.out()).doesNotContain("setStrictness");
    }
}
