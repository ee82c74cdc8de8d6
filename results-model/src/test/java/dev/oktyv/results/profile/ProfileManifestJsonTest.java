package dev.oktyv.results.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProfileManifestJsonTest {

    static ProfileManifest sample() {
        ProfileManifest.ForkProfile f1 = new ProfileManifest.ForkProfile(1, "cpu,alloc,jfr",
                List.of(EventKind.CPU, EventKind.ALLOC), Optional.of(CpuEngine.CTIMER), OptionalLong.of(10_000_000L),
                true, true, 5,
                List.of(new ProfileManifest.EventSamples(EventKind.CPU, 812),
                        new ProfileManifest.EventSamples(EventKind.ALLOC, 52428800)),
                List.of("jfr-f1.jfr", "cpu-f1.jfr", "cpu-f1.collapsed", "cpu-f1.html", "cpu-f1-reverse.html"),
                List.of("cpu engine cpu unavailable; sampling cpu with ctimer"));
        return ProfileManifest.empty("dev.oktyv.bench.vault.VaultBenchmark.get-size=1024").with(f1);
    }

    @Test
    void matchesGoldenFile() throws Exception {
        Path golden = Path.of(getClass().getResource("/golden/profile.json").toURI());
        assertThat(ProfileManifestJson.toJson(sample())).isEqualTo(Files.readString(golden));
        assertThat(ProfileManifestJson.fromJson(Files.readString(golden))).isEqualTo(sample());
    }

    @Test
    void forksStayOrderedAndAReRecordedForkReplacesTheOldEntry() {
        ProfileManifest m = sample();
        ProfileManifest.ForkProfile f2 = jfrOnly(2);
        m = m.with(f2).with(m.forks().get(0));
        assertThat(m.forks()).extracting(ProfileManifest.ForkProfile::fork).containsExactly(1, 2);
    }

    private static ProfileManifest.ForkProfile jfrOnly(int fork) {
        return new ProfileManifest.ForkProfile(fork, "jfr", List.of(), Optional.empty(), OptionalLong.empty(), true,
                true, 5, List.of(), List.of("jfr-f" + fork + ".jfr"), List.of());
    }

    @Test
    void aForkWithoutCpuKeepsTheWireValuesOfTheUntypedFormat() {
        ProfileManifest m = ProfileManifest.empty("w").with(jfrOnly(1));
        String json = ProfileManifestJson.toJson(m);
        assertThat(json).contains("\"cpuEngine\": \"not applicable: cpu not captured\"")
                .contains("\"cpuIntervalNanos\": -1");
        assertThat(ProfileManifestJson.fromJson(json)).isEqualTo(m);
        assertThatThrownBy(() -> new ProfileManifest.ForkProfile(1, "cpu", List.of(EventKind.CPU),
                Optional.of(CpuEngine.PERF), OptionalLong.empty(), false, true, 0, List.of(), List.of(), List.of()))
                .hasMessageContaining("both present or both empty");
        assertThatThrownBy(() -> ProfileManifestJson.fromJson(json.replace("\"jfr\",", "\"cpu\",")
                .replace("not applicable: cpu not captured", "perf-ish"))).hasMessageContaining("'perf-ish'");
    }

    @Test
    void rejectsUnknownFormatVersion() {
        assertThatThrownBy(() -> ProfileManifestJson.fromJson("{\"formatVersion\":7,\"workloadId\":\"x\",\"forks\":[]}"))
                .hasMessageContaining("format 7");
    }
}
