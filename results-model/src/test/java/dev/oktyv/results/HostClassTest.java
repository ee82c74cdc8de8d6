package dev.oktyv.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HostClassTest {

    static final HostInfo HOST = new HostInfo(Optional.of("bench-1"), "Linux", "6.1", "amd64",
            Optional.of("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz"), 8, OptionalLong.empty());
    static final JvmInfo JVM = new JvmInfo("Eclipse Adoptium", "21.0.5+11-LTS", "OpenJDK 64-Bit Server VM", "/jdk", List.of());

    @Test
    void derivedFromCpuModelCoresAndJvmMajor() {
        assertThat(HostClass.derive(HOST, JVM)).isEqualTo("intel-r-xeon-r-platinum-8375c-cpu-2-90ghz-8c-jdk21");
        assertThat(HostClass.derive(HostInfo.unknown(), new JvmInfo("v", "1.8.0_392", "vm", "/j", List.of())))
                .isEqualTo("unknown-cpu-unknownc-jdk8");
        assertThat(HostClass.jvmMajor("17.0.15+6-Debian-1deb12u1")).isEqualTo("17");
        assertThat(HostClass.jvmMajor("not a version")).isEqualTo("unknown");
    }

    @Test
    void aNamedClassWinsAndRoundTripsThroughRunJson() {
        RunMetadata m = RunMetadata.started("0.1.0", new RunId("20261203T100000Z-abcdef1"),
                new GitInfo("abcdef1".repeat(5) + "abcde", "main", false), Instant.parse("2026-12-03T10:00:00Z"),
                List.of("run"), HOST.withHostClass("ci-large"), JVM);
        assertThat(HostClass.of(m)).isEqualTo("ci-large");
        String json = RunMetadataJson.write(m);
        assertThat(json).contains("\"hostClass\": \"ci-large\"");
        assertThat(RunMetadataJson.read(json)).isEqualTo(m);
        // Unnamed, run.json has no hostClass field: files written before host classes stay byte-identical.
        RunMetadata plain = new RunMetadata(m.formatVersion(), m.suiteVersion(), m.id(), m.git(), m.startedAt(),
                m.endedAt(), m.status(), m.commandLine(), HOST, JVM);
        assertThat(RunMetadataJson.write(plain)).doesNotContain("hostClass");
        assertThat(HostClass.of(plain)).isEqualTo(HostClass.derive(HOST, JVM));
    }

    @Test
    void aNamedClassIsAPlainWord() {
        assertThatThrownBy(() -> HOST.withHostClass("ci large")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host class 'ci large' must be 1-100 letters, digits");
        assertThatThrownBy(() -> HostClass.requireValid("-x")).isInstanceOf(IllegalArgumentException.class);
    }
}
