package dev.oktyv.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhImportTest {

    @TempDir
    Path dir;

    /** What a Gradle JMH plugin on Windows with JMH 1.36 writes (trimmed): a JVM this test never runs on. */
    static final String WINDOWS_JMH = "[{\"jmhVersion\":\"1.36\",\"benchmark\":\"org.example.Bench.parse\",\"mode\":\"avgt\","
            + "\"threads\":1,\"forks\":2,\"jvm\":\"C:\\\\Program Files\\\\Java\\\\jdk-11.0.2\\\\bin\\\\java.exe\","
            + "\"jvmArgs\":[\"-Xmx2g\"],\"jdkVersion\":\"11.0.2\",\"vmName\":\"OpenJDK 64-Bit Server VM\",\"vmVersion\":\"11.0.2+9\","
            + "\"primaryMetric\":{\"score\":1.5,\"scoreError\":0.1,\"scoreConfidence\":[1.4,1.6],\"scoreUnit\":\"us/op\","
            + "\"rawData\":[[1.5,1.5],[1.4,1.6]]},\"secondaryMetrics\":{}}]";

    @Test
    void theRunFolderTakesTheJvmFromTheJmhJsonNeverFromTheImportingMachine() throws IOException {
        Path file = dir.resolve("jmh-result.json");
        Files.writeString(file, WINDOWS_JMH);
        ResultsStore store = new ResultsStore(dir.resolve("results"));
        Instant started = Instant.parse("2026-10-01T08:00:00Z");
        JmhImport.Imported imported = JmhImport.into(store, file, new GitInfo("abcdef1234" + "0".repeat(30), GitInfo.UNKNOWN, false),
                started, List.of("results", "import", file.toString()));
        RunFolder f = imported.folder();
        assertThat(f.id().value()).isEqualTo("20261001T080000Z-abcdef1234");
        assertThat(Files.readAllBytes(f.jmhJson())).isEqualTo(Files.readAllBytes(file));
        RunMetadata m = f.readMetadata();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.jvm().version()).isEqualTo("11.0.2").isNotEqualTo(System.getProperty("java.version"));
        assertThat(m.jvm().javaHome()).isEqualTo("C:\\Program Files\\Java\\jdk-11.0.2");
        assertThat(m.jvm().vmName()).isEqualTo("OpenJDK 64-Bit Server VM");
        assertThat(m.jvm().flags()).containsExactly("-Xmx2g");
        assertThat(m.host()).isEqualTo(HostInfo.unknown());
        assertThat(m.startedAt()).isEqualTo(started);
        assertThat(imported.jmhVersions()).containsExactly("1.36");
        assertThat(imported.benchmarks()).isEqualTo(1);
        assertThat(store.list()).containsExactly(f);
    }

    @Test
    void olderJmhWithoutJdkVersionFallsBackToVmVersion() {
        var entry = com.google.gson.JsonParser.parseString("{\"jvm\":\"/usr/lib/jvm/java-8/bin/java\",\"vmVersion\":\"25.292-b10\"}")
                .getAsJsonObject();
        JvmInfo jvm = JmhImport.jvm(entry);
        assertThat(jvm.version()).isEqualTo("25.292-b10");
        assertThat(jvm.javaHome()).isEqualTo("/usr/lib/jvm/java-8");
        assertThat(jvm.vmName()).isEqualTo(GitInfo.UNKNOWN);
    }

    @Test
    void aFileThatIsNotAJmhResultMakesNoFolder() throws IOException {
        ResultsStore store = new ResultsStore(dir.resolve("results"));
        Path notJmh = dir.resolve("x.json");
        Files.writeString(notJmh, "{\"benchmarks\":[]}");
        assertThatThrownBy(() -> JmhImport.into(store, notJmh, GitInfo.unknown(), Instant.EPOCH, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.json is not a JMH result");
        Path garbled = dir.resolve("g.json");
        Files.writeString(garbled, "[{\"benchmark\": ");
        assertThatThrownBy(() -> JmhImport.into(store, garbled, GitInfo.unknown(), Instant.EPOCH, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("g.json is not JSON")
                .hasMessageNotContaining("setStrictness").hasMessageNotContaining("setLenient");
        assertThat(store.list()).isEmpty();
    }
}
