package dev.oktyv.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonInputTest {

    /** Damage as files really get it, and what the one-line message must say about it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1}}|line 1, column 9: expected the end of the file after the first JSON value",
            "[1] [2]|expected the end of the file after the first JSON value",
            "[{\"a\":1|line 1, column 8: expected more JSON, the file ends here (truncated?) (in $[0].a)",
            "[{\"a\" 1}]|line 1, column 8: expected ':' after the property name",
            "[{a:1}]|expected a JSON value",
            "<html>|line 1, column 1: expected a JSON value",
            "[\"abc|expected the closing '\"' of a string",
            "'   '|expected a JSON value, the file is empty",
            "[{\"a\":1,}]|expected a property name in double quotes",
            "[NaN]|expected a JSON value"})
    void damageIsReportedWithLineColumnAndWhatWasExpected(String json, String message) {
        assertThatThrownBy(() -> JsonInput.parse(json)).isInstanceOf(JsonInput.MalformedJson.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("setStrictness", "Lenient", "LENIENT",
                        "gson", "Exception").doesNotContain("\n"));
    }

    @Test
    void leniencyIsNotSilentlyApplied() {
        // A lenient parser reads these as a string and as [1, null]: data that was never written.
        assertThatThrownBy(() -> JsonInput.parse("abc")).isInstanceOf(JsonInput.MalformedJson.class);
        assertThatThrownBy(() -> JsonInput.parse("[1,]")).isInstanceOf(JsonInput.MalformedJson.class);
        assertThat(JsonInput.parse(" [1, {\"a\": null}]\n").getAsJsonArray()).hasSize(2);
    }

    @Test
    void aFileIsNamedInTheMessage(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("run.json");
        Files.writeString(f, "{\n  \"id\": \"x\",\n  \"status\" \"failed\"\n}\n");
        assertThatThrownBy(() -> JsonInput.read(f)).hasMessage(f + ": line 3, column 13: expected ':' after the property name (in $.status)");
    }

    @Test
    void everyCodecReportsDamageTheSameWay() {
        assertThatThrownBy(() -> RunMetadataJson.read("{\"formatVersion\": 1,}"))
                .hasMessage("malformed run.json: line 1, column 22: expected a property name in double quotes (in $.formatVersion)");
        assertThatThrownBy(() -> dev.oktyv.results.load.LoadSummaryJson.read("{\"formatVersion\": 1 x"))
                .hasMessageContaining("line 1, column 22: expected ',' or '}' after an object member");
    }
}
