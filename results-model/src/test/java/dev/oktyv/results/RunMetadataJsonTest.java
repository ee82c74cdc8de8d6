package dev.oktyv.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunMetadataJsonTest {

    private final Locale original = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(original);
    }

    static RunMetadata complete() {
        return new RunMetadata(1, "0.1.0", new RunId("20261128T001500Z-abc1234567-dirty"),
                new GitInfo("abc1234567890abcdef1234567890abcdef12345", "feature/ö-umlaut", true),
                Instant.parse("2026-11-28T00:15:00.250Z"), Optional.of(Instant.parse("2026-11-28T00:16:01Z")),
                RunStatus.COMPLETE, List.of("run", "--quick", "-p", "size=32,1024", "Vault.get"),
                new HostInfo(java.util.Optional.of("bench-1"), "Linux", "6.1.0", "amd64", java.util.Optional.of("Intel(R) Xeon(R) Processor"), 2, java.util.OptionalLong.of(25_276_510_208L)),
                new JvmInfo("Eclipse Adoptium", "25+36-LTS", "OpenJDK 64-Bit Server VM",
                        "/usr/lib/jvm/temurin-25-jdk-amd64", List.of("-Xmx1g", "-Duser.language=de")));
    }

    static RunMetadata incomplete() {
        return RunMetadata.started("0.1.0", new RunId("20261128T001500Z-unknown"), GitInfo.unknown(),
                Instant.parse("2026-11-28T00:15:00Z"), List.of(),
                new HostInfo(java.util.Optional.of("bench-1"), "Linux", "6.1.0", "amd64", java.util.Optional.empty(), 2, java.util.OptionalLong.empty()),
                new JvmInfo("Eclipse Adoptium", "25+36-LTS", "OpenJDK 64-Bit Server VM",
                        "/usr/lib/jvm/temurin-25-jdk-amd64", List.of()));
    }

    @Test
    void writesTheGoldenFile() throws IOException {
        assertThat(RunMetadataJson.write(complete())).isEqualTo(golden("run-v1.json"));
        assertThat(RunMetadataJson.write(incomplete())).isEqualTo(golden("run-v1-incomplete.json"));
    }

    @Test
    void formatDoesNotDependOnTheLocale() throws IOException {
        // Turkish: dotless i in toLowerCase; German: decimal comma. Neither may leak into the file.
        for (Locale l : List.of(Locale.GERMANY, new Locale("tr", "TR"), Locale.US)) {
            Locale.setDefault(l);
            assertThat(RunMetadataJson.write(complete())).as(l.toString()).isEqualTo(golden("run-v1.json"));
        }
    }

    @Test
    void readsTheGoldenFileBack() throws IOException {
        assertThat(RunMetadataJson.read(golden("run-v1.json"))).isEqualTo(complete());
        assertThat(RunMetadataJson.read(golden("run-v1-incomplete.json"))).isEqualTo(incomplete());
    }

    @Test
    void rejectsAnotherFormatVersionByName() throws IOException {
        String v2 = golden("run-v1.json").replace("\"formatVersion\": 1", "\"formatVersion\": 2");
        assertThatThrownBy(() -> RunMetadataJson.read(v2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("formatVersion 2");
    }

    @Test
    void reportsMalformedFilesAsOneLine() throws IOException {
        String noStatus = golden("run-v1.json").replace("\"status\": \"complete\",", "");
        assertThatThrownBy(() -> RunMetadataJson.read(noStatus)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed run.json: missing field 'status'");
        String badStatus = golden("run-v1.json").replace("\"complete\"", "\"done\"");
        assertThatThrownBy(() -> RunMetadataJson.read(badStatus)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'done'");
        assertThatThrownBy(() -> RunMetadataJson.read("[1, 2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed run.json");
    }

    static String golden(String name) throws IOException {
        try (InputStream in = RunMetadataJsonTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
