package dev.oktyv.results.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileManifestJsonTest {

    static ProfileManifest sample() {
        ProfileManifest.ForkProfile f1 = new ProfileManifest.ForkProfile(1, "cpu,alloc,jfr", List.of("cpu", "alloc"),
                "ctimer", 10_000_000L, true, true, 5,
                List.of(new ProfileManifest.EventSamples("cpu", 812, "samples"),
                        new ProfileManifest.EventSamples("alloc", 52428800, "bytes")),
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
        ProfileManifest.ForkProfile f2 = new ProfileManifest.ForkProfile(2, "jfr", List.of(), "not applicable: cpu not captured",
                -1, true, true, 5, List.of(), List.of("jfr-f2.jfr"), List.of());
        m = m.with(f2).with(m.forks().get(0));
        assertThat(m.forks()).extracting(ProfileManifest.ForkProfile::fork).containsExactly(1, 2);
    }

    @Test
    void rejectsUnknownFormatVersion() {
        assertThatThrownBy(() -> ProfileManifestJson.fromJson("{\"formatVersion\":7,\"workloadId\":\"x\",\"forks\":[]}"))
                .hasMessageContaining("format 7");
    }
}
