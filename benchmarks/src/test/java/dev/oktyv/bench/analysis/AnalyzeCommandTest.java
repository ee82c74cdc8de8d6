package dev.oktyv.bench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    @Test
    void rulesWithoutDataSayNotApplicableAndTheGateWorks() throws IOException {
        Path root = dir.resolve("results");
        String heavyAlloc = CliRuns.jmh(100).replace("\"secondaryMetrics\":{}",
                "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":200000,\"scoreError\":\"NaN\","
                        + "\"scoreConfidence\":[\"NaN\",\"NaN\"],\"scoreUnit\":\"B/op\",\"rawData\":[[200000]]}}");
        CliRuns.run(root, Instant.parse("2026-11-20T10:00:00Z"), 'a', heavyAlloc);
        CliRuns.Result r = CliRuns.exec("analyze", "latest", "--results-dir", root.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("[CRITICAL] Allocation", "200000 B/op", "not applicable: no JFR recording");
        assertThat(CliRuns.exec("analyze", "latest", "--results-dir", root.toString(), "--fail-on", "critical").exit()).isEqualTo(1);
        assertThat(CliRuns.exec("analyze", "latest", "--results-dir", root.toString(), "--fail-on", "bad").exit()).isEqualTo(2);
    }
}
