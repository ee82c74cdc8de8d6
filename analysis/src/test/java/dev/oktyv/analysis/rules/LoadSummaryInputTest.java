package dev.oktyv.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.analysis.latency.LatencyLogTest;
import dev.oktyv.analysis.testing.RunFixtures;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.LoadSummaryJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load rules fed from real {@code load/<scenario>/summary.json} files, as the load runner writes them. */
class LoadSummaryInputTest {

    @TempDir
    Path dir;
    private RunFolder run;
    /** The load runner's golden file: 2000 requests, 10 failed, 0 dropped. */
    private String golden;

    @BeforeEach
    void setUp() throws IOException {
        run = RunFixtures.create(new ResultsStore(dir), Instant.parse("2026-11-20T10:00:00Z"), RunFixtures.sha('a'),
                RunStatus.COMPLETE, null);
        try (InputStream in = getClass().getResourceAsStream("/dev/oktyv/results/load/summary-v1.json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path write(String scenario, String json) throws IOException {
        Path d = Files.createDirectories(run.loadDir(scenario));
        return Files.writeString(d.resolve("summary.json"), json);
    }

    /** The golden summary with other totals and drops, written by the runner's own codec. */
    private String variant(long ok, long dropped) {
        LoadSummary g = LoadSummaryJson.read(golden);
        LoadSummary.Totals t = g.totals();
        return LoadSummaryJson.write(new LoadSummary(g.formatVersion(), g.scenarioId(), g.model(), g.startedAt(),
                g.measuredSeconds(), g.warmupSeconds(), new LoadSummary.Totals(ok + t.failed(), ok, t.failed(),
                t.failedByKind(), t.warmupOperations()), new LoadSummary.Rates(g.rates().targetPerSecond(),
                g.rates().achievedPerSecond(), dropped), g.corrected(), g.uncorrected(), g.jvm(), g.thresholds()));
    }

    @Test
    void countsComeFromSummaryJsonAndTheErrorRateRuleGradesThem() throws IOException {
        Path file = write("http", golden);
        AnalysisInput in = AnalysisInputLoader.load(run);
        assertThat(in.loads()).singleElement().satisfies(l -> {
            assertThat(l.requests()).isEqualTo(2000);
            assertThat(l.errors()).isEqualTo(10);
            assertThat(l.droppedStarts()).isZero();
            assertThat(l.source()).isEqualTo(file);
        });
        RuleResult errors = new LoadErrorRateRule().evaluate(in);
        assertThat(errors.severity()).isEqualTo(Severity.WARNING); // 0.5%: above 0.1%, below 1%
        assertThat(errors.summary()).contains("10 of 2000 requests failed (0.50%)");
        assertThat(new DroppedStartsRule().evaluate(in).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void droppedStartsFromSummaryJsonAreCritical() throws IOException {
        write("http", variant(990, 100)); // 100 of 1100 scheduled starts dropped: 9%
        RuleResult dropped = new DroppedStartsRule().evaluate(AnalysisInputLoader.load(run));
        assertThat(dropped.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(dropped.summary()).contains("100 of 1100 scheduled requests were dropped");
    }

    @Test
    void withoutSummaryJsonTheCountRulesAreNotApplicable() throws IOException {
        Files.createDirectories(run.loadDir("http"));
        AnalysisInput in = AnalysisInputLoader.load(run);
        assertThat(in.loads()).singleElement().satisfies(l -> assertThat(l.requests()).isNaN());
        assertThat(new LoadErrorRateRule().evaluate(in).notApplicable()).isPresent();
        assertThat(new DroppedStartsRule().evaluate(in).notApplicable()).isPresent();
    }

    @Test
    void stressStepsTakeTheirErrorRateFromTheStepSummary() throws IOException {
        Path step = Files.createDirectories(run.loadDir("http").resolve("step-01-10"));
        LatencyLogTest.writeLog(step.resolve("latency.hlog"), 2, 1_000_000, 1_000_000);
        Files.writeString(step.resolve("summary.json"), golden);
        assertThat(AnalysisInputLoader.load(run).loads()).singleElement()
                .satisfies(l -> assertThat(l.steps()).singleElement()
                        .satisfies(s -> assertThat(s.errorRate()).isEqualTo(0.005)));
    }

    @Test
    void aMalformedSummaryNamesItsFile() throws IOException {
        Path file = write("http", "{\"formatVersion\": 1}");
        assertThatThrownBy(() -> AnalysisInputLoader.load(run)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }
}
