package dev.oktyv.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.cli.Cli;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.GitInfo;
import dev.oktyv.results.HostInfo;
import dev.oktyv.results.JvmInfo;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import dev.oktyv.results.RunMetadata;
import dev.oktyv.results.store.pg.TestSchema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare}, {@code history} and {@code results} filtered by branch and host class, on the filesystem store
 * and through a PostgreSQL store holding the same runs: the same answers.
 */
class StoreReadersTest {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path root;

    String a;
    String b;
    String c;
    String d;

    @BeforeEach
    void runs() throws Exception {
        a = run(T, 'a', "main", "ci-large", 100);
        b = run(T.plusSeconds(60), 'b', "main", "ci-large", 100);
        c = run(T.plusSeconds(120), 'c', "main", "ci-small", 130);
        d = run(T.plusSeconds(180), 'd', "feature", "ci-large", 100);
    }

    @Test
    void compareFiltersByBranchAndHostClassOnTheFilesystem() {
        Cli.Result r = Cli.run("compare", "latest~1", "latest", "--branch", "main", "--host-class", "ci-large",
                "--results-dir", root.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"run\": \"" + a + "\"").contains("\"run\": \"" + b + "\"")
                .doesNotContain("host classes");
    }

    @Test
    void aComparisonAcrossHostClassesWarnsInOneLineAndInTheJson() {
        Cli.Result table = Cli.run("compare", "latest~1", "latest", "--branch", "main", "--results-dir", root.toString());
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out().lines().filter(l -> l.contains("host classes")))
                .containsExactly("warning: runs are of different host classes (ci-large, ci-small): pick runs of one"
                        + " class with --host-class");
        Cli.Result json = Cli.run("compare", "latest~1", "latest", "--branch", "main", "--results-dir", root.toString(),
                "--format", "json");
        assertThat(json.out()).contains("\"runs are of different host classes (ci-large, ci-small): pick runs of one class with --host-class\"");
    }

    @Test
    void aReferenceTheFilterCannotMeetIsAUsageError() {
        Cli.Result r = Cli.run("compare", "latest~3", "latest", "--host-class", "ci-large", "--results-dir", root.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("error: BASELINE 'latest~3': the store " + root + " has only 3 complete run(s) with"
                + " host class ci-large\n");
        Cli.Result bad = Cli.run("results", "--host-class", "no good", "--results-dir", root.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--host-class: host class 'no good' must be");
    }

    @Test
    void resultsListsWhatTheFilterKeeps() {
        Cli.Result r = Cli.run("results", "--branch", "main", "--host-class", "ci-large", "--results-dir", root.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(a).contains(b).doesNotContain(c).doesNotContain(d);
    }

    @Test
    void thePostgresqlStoreAnswersLikeTheFilesystem() throws Exception {
        try (TestSchema schema = TestSchema.create()) {
            Cli.Result imported = Cli.run("store", "import", root.toString(), "--store", schema.storeUrl());
            assertThat(imported.exit()).as(imported.err()).isZero();
            Path elsewhere = root.resolveSibling(root.getFileName() + "-empty");
            for (List<String> cmd : List.of(
                    List.of("compare", "latest~1", "latest", "--branch", "main", "--host-class", "ci-large", "--format", "json"),
                    List.of("compare", "latest~1", "latest", "--branch", "main", "--format", "json"),
                    List.of("results", "--limit", "3"),
                    List.of("results", "--host-class", "ci-large"),
                    List.of("history", "--branch", "main"))) {
                Cli.Result fs = Cli.run(with(cmd, "--results-dir", root.toString()));
                Cli.Result pg = Cli.run(with(cmd, "--store", schema.storeUrl(), "--results-dir", elsewhere.toString()));
                assertThat(pg.exit()).as("%s: %s", cmd, pg.err()).isEqualTo(fs.exit()).isZero();
                assertThat(pg.out()).as("%s", cmd).isEqualTo(fs.out());
            }
            Cli.Result unknown = Cli.run("compare", "20261201T000000Z-abcdef1", "latest", "--store", schema.storeUrl());
            assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(unknown.err()).contains("no run '20261201T000000Z-abcdef1' in the store");
        }
    }

    private static String[] with(List<String> cmd, String... more) {
        List<String> all = new java.util.ArrayList<>(cmd);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private String run(Instant start, char commit, String branch, String hostClass, double level) throws Exception {
        GitInfo git = new GitInfo(String.valueOf(commit).repeat(40), branch, false);
        RunFolder f = new ResultsStore(root).create(RunId.of(start, git.shortCommit(), false));
        f.writeMetadata(RunMetadata.started("0.1.0", f.id(), git, start, List.of("run"),
                        new HostInfo(Optional.of("h"), "Linux", "6", "amd64", Optional.of("cpu"), 2, OptionalLong.of(1L << 30),
                                Optional.of(hostClass)),
                        new JvmInfo("v", "17", "vm", "/jdk", List.of()))
                .finished(start.plusSeconds(10), dev.oktyv.results.RunStatus.COMPLETE));
        String raw = String.format(Locale.ROOT, "[[%f,%f],[%f,%f],[%f,%f]]", level, level * 1.001, level * 0.999,
                level * 1.002, level * 1.0005, level * 0.998);
        AtomicFiles.writeString(f.jmhJson(), "[{\"benchmark\":\"dev.oktyv.bench.X.y\",\"mode\":\"avgt\",\"threads\":1,"
                + "\"forks\":3,\"params\":{},\"primaryMetric\":{\"score\":" + level + ",\"scoreError\":\"NaN\","
                + "\"scoreConfidence\":[\"NaN\",\"NaN\"],\"scoreUnit\":\"us/op\",\"rawData\":" + raw
                + "},\"secondaryMetrics\":{}}]");
        return f.id().value();
    }
}
