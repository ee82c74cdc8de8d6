package dev.oktyv.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oktyv.analysis.jmh.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleResultJsonTest {

    private static final Path RUN = Path.of("/results/20261128T010000Z-abc1234");

    private static List<RuleResult> results() {
        Rule alloc = new AllocationRule();
        RuleResult found = new RuleResult(alloc.id(), alloc.title(), Severity.CRITICAL,
                "VaultOperationsBenchmark.get allocates 200000 B/op",
                List.of(new Evidence("VaultOperationsBenchmark.get", "gc.alloc.rate.norm", 200000, "B/op",
                                RUN.resolve("jmh.json")),
                        new Evidence("VaultOperationsBenchmark.get", "allocation share of top site", Double.NaN, "%",
                                Path.of("/elsewhere/alloc.jfr"))),
                "Allocation costs GC time.", "Reuse the buffer.", Optional.of("at most 41% of allocation"),
                alloc.thresholds(), Optional.empty());
        return List.of(found, RuleResult.notApplicable(new LockContentionRule(), "no JFR recording in this run"));
    }

    @Test
    void goldenFile() throws Exception {
        Golden.assertMatches("rules/analysis-v1.json", RuleResultJson.write("20261128T010000Z-abc1234", results(), RUN));
    }

    @Test
    void worstSeverityAndNotApplicableAreMachineReadable() {
        JsonObject o = JsonParser.parseString(RuleResultJson.write("r", results(), RUN)).getAsJsonObject();
        assertThat(o.get("formatVersion").getAsInt()).isEqualTo(1);
        assertThat(o.get("worst").getAsString()).isEqualTo("critical");
        JsonObject lock = o.getAsJsonArray("results").get(1).getAsJsonObject();
        assertThat(lock.get("applicable").getAsBoolean()).isFalse();
        assertThat(lock.get("notApplicable").getAsString()).isEqualTo("no JFR recording in this run");
        JsonObject nan = o.getAsJsonArray("results").get(0).getAsJsonObject().getAsJsonArray("evidence").get(1)
                .getAsJsonObject();
        assertThat(nan.get("value").isJsonNull()).as("NaN is null, not 0").isTrue();
        assertThat(RuleResultJson.write("r", List.of(), RUN)).contains("\"worst\": \"ok\"");
    }
}
