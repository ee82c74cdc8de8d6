package dev.oktyv.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.analysis.latency.LatencyLogTest;
import dev.oktyv.analysis.model.LoadEvidence;
import dev.oktyv.results.load.StressLevel;
import dev.oktyv.analysis.testing.RunFixtures;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.load.StressResult;
import dev.oktyv.results.load.StressResultJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knee rule fed from step folders laid out by the load-runner contract. */
class StressStepsTest {

    @TempDir
    Path dir;
    private RunFolder run;

    @Test
    void stepFoldersBecomeStressStepsAndTheKneeIsFound() throws IOException {
        Path scenario = run().loadDir("vault-stress");
        // No stress.json and no step summary.json: the levels are read as offered rates. Each step logs 1,000
        // requests per second; p99 jumps at the third step.
        step(scenario, "step-01-1000", 1_000_000, 1_000_000);
        step(scenario, "step-02-1000.5", 1_000_000, 1_200_000);
        step(scenario, "step-03-4000", 1_000_000, 90_000_000);
        Files.createDirectories(scenario.resolve("not-a-step"));
        AnalysisInput in = AnalysisInputLoader.load(run);
        assertThat(in.loads()).singleElement().satisfies(l -> {
            assertThat(l.steps()).hasSize(3);
            assertThat(l.steps().get(0).achievedRate()).isEqualTo(1000);
            assertThat(l.steps().get(1).level()).isEqualTo(StressLevel.rate(1000.5));
        });
        RuleResult knee = new LatencyKneeRule().evaluate(in);
        assertThat(knee.severity()).isEqualTo(Severity.WARNING);
        assertThat(knee.summary()).contains("knee at 4000/s");
    }

    @Test
    void stressJsonSaysTheLevelsAreWorkers() throws IOException {
        Path scenario = run().loadDir("vault-stress");
        // 1,000 requests per second at every step: doubling the workers bought no throughput.
        step(scenario, "step-01-8", 1_000_000, 1_000_000);
        step(scenario, "step-02-16", 1_000_000, 1_500_000);
        step(scenario, "step-03-32", 1_000_000, 2_000_000);
        Files.writeString(scenario.resolve("stress.json"), StressResultJson.write(new StressResult(StressResult.FORMAT_VERSION,
                "vault-stress", dev.oktyv.results.load.StressLevel.Kind.CONCURRENCY, 5, List.of("error_rate<1%"), List.of())));
        AnalysisInput in = AnalysisInputLoader.load(run);
        assertThat(in.loads()).singleElement().satisfies(l -> assertThat(l.steps()).extracting(LoadEvidence.StressStep::level)
                .containsExactly(StressLevel.workers(8), StressLevel.workers(16), StressLevel.workers(32)));
        RuleResult knee = new LatencyKneeRule().evaluate(in);
        assertThat(knee.severity()).isEqualTo(Severity.WARNING);
        assertThat(knee.summary()).contains("knee at 16 workers").doesNotContain("offered");
    }

    @Test
    void withoutStressJsonAStepSummaryOfAClosedModelSaysWorkers() throws IOException {
        Path scenario = run().loadDir("vault-stress");
        step(scenario, "step-01-8", 1_000_000, 1_000_000);
        step(scenario, "step-02-16", 1_000_000, 1_000_000);
        Files.writeString(scenario.resolve("step-01-8/summary.json"), resource("summary-v1.json").replace("\"kind\": \"open\"", "\"kind\": \"closed\""));
        assertThat(AnalysisInputLoader.load(run).loads()).singleElement()
                .satisfies(l -> assertThat(l.steps()).allMatch(s -> s.level().kind() == StressLevel.Kind.CONCURRENCY));
    }

    @Test
    void aMalformedStressJsonFailsWithItsPath() throws IOException {
        Path scenario = run().loadDir("vault-stress");
        step(scenario, "step-01-8", 1_000_000, 1_000_000);
        Files.writeString(scenario.resolve("stress.json"),
                resource("stress-v1.json").replace("\"levelKind\": \"concurrency\"", "\"levelKind\": \"workers\""));
        assertThatThrownBy(() -> AnalysisInputLoader.load(run)).isInstanceOf(IOException.class)
                .hasMessageContaining("stress.json: not a stress result").hasMessageContaining("got 'workers'");
    }

    @Test
    void fractionalWorkersAreRejectedWithTheFolder() throws IOException {
        Path scenario = run().loadDir("vault-stress");
        step(scenario, "step-01-2.5", 1_000_000, 1_000_000);
        Files.writeString(scenario.resolve("stress.json"), StressResultJson.write(new StressResult(StressResult.FORMAT_VERSION,
                "vault-stress", dev.oktyv.results.load.StressLevel.Kind.CONCURRENCY, 5, List.of(), List.of())));
        assertThatThrownBy(() -> AnalysisInputLoader.load(run)).isInstanceOf(IOException.class)
                .hasMessageContaining("step-01-2.5: not a concurrency stress step").hasMessageContaining("2.5 must be a whole number");
    }

    /** A fresh run folder, kept in {@link #run} for the loader. */
    private RunFolder run() throws IOException {
        run = RunFixtures.create(new ResultsStore(dir), Instant.parse("2026-11-20T10:00:00Z"), RunFixtures.sha('a'),
                RunStatus.COMPLETE, null);
        return run;
    }

    /** A golden file of the load runner's formats. */
    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/dev/oktyv/results/load/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void step(Path scenario, String name, long service, long corrected) throws IOException {
        Files.createDirectories(scenario.resolve(name));
        LatencyLogTest.writeLog(scenario.resolve(name).resolve("latency.hlog"), 2, service, corrected);
    }
}
