package dev.oktyv.results.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The SARIF golden file, validated against the SARIF 2.1.0 JSON schema (checked in beside it, see its NOTICE), plus
 * the rules the schema cannot express (a non-fail kind has level none, ruleIndex points at its rule).
 */
class SecuritySarifTest {

    private static final Set<String> KINDS = Set.of("notApplicable", "pass", "fail", "review", "open", "informational");
    private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    @Test
    void writesTheGoldenFile() throws IOException {
        assertThat(SecuritySarif.write(SecurityReportJsonTest.sample(), "0.1.0-test"))
                .isEqualTo(SecurityReportJsonTest.resource("security-v1.sarif"));
    }

    @Test
    void validatesAgainstTheSarif210Schema() throws IOException {
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        String sarif = SecuritySarif.write(SecurityReportJsonTest.sample(), "0.1.0");
        assertThat(schema.validate(sarif, InputFormat.JSON)).isEmpty();
        // The validator does look: a level SARIF does not know is an error.
        List<com.networknt.schema.Error> errors = schema.validate(sarif.replace("\"level\": \"error\"",
                "\"level\": \"fatal\""), InputFormat.JSON);
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).getInstanceNode().toString()).contains("fatal");
    }

    @Test
    void hasTheStructureSarif210Requires() {
        JsonObject sarif = JsonParser.parseString(SecuritySarif.write(SecurityReportJsonTest.sample(), "0.1.0"))
                .getAsJsonObject();
        assertThat(sarif.get("version").getAsString()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").getAsString()).endsWith("sarif-2.1.0.json");
        JsonObject run = sarif.getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
        assertThat(driver.get("name").getAsString()).isNotBlank();
        int rules = driver.getAsJsonArray("rules").size();
        assertThat(rules).isEqualTo(4);
        for (JsonElement e : driver.getAsJsonArray("rules")) {
            JsonObject r = e.getAsJsonObject();
            assertThat(r.get("id").getAsString()).isNotBlank();
            assertThat(r.getAsJsonObject("shortDescription").get("text").getAsString()).isNotBlank();
            assertThat(LEVELS).contains(r.getAsJsonObject("defaultConfiguration").get("level").getAsString());
        }
        for (JsonElement e : run.getAsJsonArray("results")) {
            JsonObject r = e.getAsJsonObject();
            assertThat(r.getAsJsonObject("message").get("text").getAsString()).isNotBlank();
            String kind = r.get("kind").getAsString();
            String level = r.get("level").getAsString();
            assertThat(KINDS).contains(kind);
            assertThat(LEVELS).contains(level);
            // SARIF §3.27.9: a kind other than "fail" must have level "none".
            if (!kind.equals("fail")) {
                assertThat(level).isEqualTo("none");
            }
            int index = r.get("ruleIndex").getAsInt();
            assertThat(index).isBetween(0, rules - 1);
            assertThat(driver.getAsJsonArray("rules").get(index).getAsJsonObject().get("id").getAsString())
                    .isEqualTo(r.get("ruleId").getAsString());
        }
        assertThat(run.getAsJsonArray("results").get(1).getAsJsonObject().get("level").getAsString())
                .isEqualTo("error");
        assertThat(run.getAsJsonArray("invocations").get(0).getAsJsonObject().get("executionSuccessful")
                .getAsBoolean()).isFalse();
    }
}
