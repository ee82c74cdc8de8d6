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

        CliRuns.Result json = CliRuns.exec("analyze", "latest", "--results-dir", root.toString(), "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(json.out()).getAsJsonObject();
        assertThat(o.get("formatVersion").getAsInt()).isEqualTo(1);
        assertThat(o.get("worst").getAsString()).isEqualTo("critical");
        assertThat(o.getAsJsonArray("results")).anySatisfy(row -> {
            assertThat(row.getAsJsonObject().get("rule").getAsString()).isEqualTo("allocation");
            assertThat(row.getAsJsonObject().get("severity").getAsString()).isEqualTo("critical");
        });
        CliRuns.Result xml = CliRuns.exec("analyze", "latest", "--results-dir", root.toString(), "--format", "xml");
        assertThat(xml.exit()).isEqualTo(2);
        assertThat(xml.err()).contains("TEXT, MD, JSON").contains("'xml'");
    }

    @Test
    void pairDeclaresAVariantPairing() throws IOException {
        Path root = dir.resolve("results");
        String lazy = CliRuns.jmh(10).replace("\"params\":{}", "\"params\":{\"load\":\"lazy\"}");
        String eager = CliRuns.jmh(40).replace("\"params\":{}", "\"params\":{\"load\":\"eager\"}");
        CliRuns.run(root, Instant.parse("2026-11-20T10:00:00Z"), 'a', "[" + lazy.substring(1, lazy.length() - 1) + ","
                + eager.substring(1, eager.length() - 1) + "]");
        CliRuns.Result without = CliRuns.exec("analyze", "latest", "--results-dir", root.toString());
        assertThat(without.out()).contains("no paired variants");
        CliRuns.Result with = CliRuns.exec("analyze", "latest", "--results-dir", root.toString(), "--pair", "load=lazy:eager");
        assertThat(with.exit()).as(with.err()).isZero();
        assertThat(with.out()).contains("X.y [load=lazy] (avgt) vs X.y [load=eager] (avgt): 4.00× speed (time per operation) [3.99×, 4.01×], measured");
        CliRuns.Result bad = CliRuns.exec("analyze", "latest", "--results-dir", root.toString(), "--pair", "load=lazy");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--pair: 'load=lazy' is not of the form param=optimised:baseline").doesNotContain("at dev.");
    }
}
