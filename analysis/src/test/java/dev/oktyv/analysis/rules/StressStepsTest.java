package dev.oktyv.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.latency.LatencyLogTest;
import dev.oktyv.analysis.testing.RunFixtures;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knee rule fed from step folders laid out by the load-runner contract. */
class StressStepsTest {

    @TempDir
    Path dir;

    @Test
    void stepFoldersBecomeStressStepsAndTheKneeIsFound() throws IOException {
        RunFolder run = RunFixtures.create(new ResultsStore(dir), Instant.parse("2026-11-20T10:00:00Z"), RunFixtures.sha('a'),
                RunStatus.COMPLETE, null);
        Path scenario = run.loadDir("vault-stress");
        // Each step logs 1,000 requests per second; p99 jumps at the third step.
        step(scenario, "step-01-1000", 1_000_000, 1_000_000);
        step(scenario, "step-02-1000.5", 1_000_000, 1_200_000);
        step(scenario, "step-03-4000", 1_000_000, 90_000_000);
        Files.createDirectories(scenario.resolve("not-a-step"));
        AnalysisInput in = AnalysisInputLoader.load(run);
        assertThat(in.loads()).singleElement().satisfies(l -> {
            assertThat(l.steps()).hasSize(3);
            assertThat(l.steps().get(0).achievedRate()).isEqualTo(1000);
            assertThat(l.steps().get(1).offeredRate()).isEqualTo(1000.5);
        });
        RuleResult knee = new LatencyKneeRule().evaluate(in);
        assertThat(knee.severity()).isEqualTo(Severity.WARNING);
        assertThat(knee.summary()).contains("knee at 4000/s");
    }

    private static void step(Path scenario, String name, long service, long corrected) throws IOException {
        Files.createDirectories(scenario.resolve(name));
        LatencyLogTest.writeLog(scenario.resolve(name).resolve("latency.hlog"), 2, service, corrected);
    }
}
