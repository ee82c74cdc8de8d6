package dev.oktyv.bench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.oktyv.results.store.pg.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run folders written by the suite before the run-folder refactor (the jar of that commit: two {@code run
 * BaselineBenchmark.empty}, a {@code load database} and a {@code load database --stress}) are still read by
 * {@code compare}, {@code analyze}, {@code report} and {@code history}. They are copied first: {@code report}
 * writes into the folder it reads.
 */
class PreRefactorRunsTest {

    private static final String JMH_BASE = "20261203T091008Z-9ee63c9341-dirty";
    private static final String JMH_NEXT = "20261203T091020Z-9ee63c9341-dirty";
    private static final String LOAD = "20261203T091026Z-9ee63c9341-dirty";
    private static final String STRESS = "20261203T093506Z-b2d91f2c71-dirty";

    @TempDir
    Path dir;
    private Path root;

    @BeforeEach
    void copyFixture() throws Exception {
        Path fixture = Path.of(getClass().getResource("/fixtures/pre-refactor-runs").toURI());
        root = dir.resolve("results");
        FileTrees.copyTree(fixture, root);
        assertThat(root.resolve(STRESS).resolve("load/database/stress.json")).isRegularFile();
    }

    @Test
    void compareReadsTheirJmhResults() {
        CliRuns.Result r = CliRuns.exec("compare", JMH_BASE, JMH_NEXT, "--results-dir", root.toString(),
                "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(JsonParser.parseString(r.out()).getAsJsonObject().toString())
                .contains("dev.oktyv.bench.calibration.BaselineBenchmark.empty");
    }

    @Test
    void analyzeReadsTheLoadSummaryAndTheStressSteps() {
        CliRuns.Result load = CliRuns.exec("analyze", LOAD, "--results-dir", root.toString(), "--format", "json");
        assertThat(load.exit()).as(load.err()).isZero();
        // The error-rate rule needs summary.json's counts: applicable means the old summary was read.
        assertThat(load.out()).contains("load-error-rate").contains("load/database/summary.json");
        CliRuns.Result stress = CliRuns.exec("analyze", STRESS, "--results-dir", root.toString(), "--format", "json");
        assertThat(stress.exit()).as(stress.err()).isZero();
        assertThat(stress.out()).contains("load-knee").contains("step-03-4");
    }

    @Test
    void reportWritesFromTheOldLatencyLog() throws IOException {
        CliRuns.Result r = CliRuns.exec("report", LOAD, "--results-dir", root.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(root.resolve(LOAD).resolve("report.html"))).contains("database");
        assertThat(root.resolve(LOAD).resolve("report.md")).isRegularFile();
    }

    @Test
    void historyFollowsTheBenchmarkAcrossTheOldRuns() {
        CliRuns.Result r = CliRuns.exec("history", "BaselineBenchmark\\.empty", "--results-dir", root.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("BaselineBenchmark.empty (avgt)");
        // One point per old run, each with its score: 1.396 and 0.8209 ns/op as jmh.json has them.
        assertThat(r.out().lines().filter(l -> l.contains(JMH_BASE) || l.contains(JMH_NEXT)))
                .hasSize(2).anyMatch(l -> l.endsWith(" 1.396")).anyMatch(l -> l.endsWith(" 0.8209"));
    }
}
