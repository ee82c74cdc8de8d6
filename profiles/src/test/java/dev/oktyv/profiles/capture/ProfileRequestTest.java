package dev.oktyv.profiles.capture;

import dev.oktyv.results.profile.CpuEngine;

import dev.oktyv.results.profile.ProfileArtifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.results.profile.EventKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileRequestTest {

    @Test
    void parsesAnySubsetInAnyCaseAndOrder() {
        ProfileRequest r = ProfileRequest.parse(" JFR, wall,cpu ");
        assertThat(r.asyncEvents()).containsExactly(EventKind.CPU, EventKind.WALL);
        assertThat(r.jfr()).isTrue();
        assertThat(r.spec()).isEqualTo("cpu,wall,jfr");
        assertThat(ProfileRequest.parse(r.spec())).isEqualTo(r);
        assertThat(ProfileRequest.parse("jfr").asyncEvents()).isEmpty();
    }

    @Test
    void errorsNameTheBadValue() {
        assertThatThrownBy(() -> ProfileRequest.parse("cpu,heap")).hasMessageContaining("'heap'")
                .hasMessageContaining("cpu, alloc, lock, wall, jfr");
        assertThatThrownBy(() -> ProfileRequest.parse("cpu,,alloc")).hasMessageContaining("empty item");
        assertThatThrownBy(() -> ProfileRequest.parse("")).hasMessageContaining("empty value");
    }

    @Test
    void artifactNamesFollowTheContract() {
        assertThat(ProfileArtifacts.collapsed(EventKind.CPU, 2)).isEqualTo("cpu-f2.collapsed");
        assertThat(ProfileArtifacts.html(EventKind.ALLOC, 1)).isEqualTo("alloc-f1.html");
        assertThat(ProfileArtifacts.reverseHtml(EventKind.LOCK, 3)).isEqualTo("lock-f3-reverse.html");
        assertThat(ProfileArtifacts.asyncJfr(EventKind.WALL, 1)).isEqualTo("wall-f1.jfr");
        assertThat(ProfileArtifacts.jdkJfr(1)).isEqualTo("jfr-f1.jfr");
        assertThatThrownBy(() -> ProfileArtifacts.jdkJfr(0)).hasMessageContaining("got 0");
        assertThat(ProfileArtifacts.benchmarkId("dev.oktyv.bench.vault.VaultBenchmark.get",
                new java.util.LinkedHashMap<>(Map.of("size", "1 KiB/x"))))
                .isEqualTo("dev.oktyv.bench.vault.VaultBenchmark.get-size=1_KiB_x");
        assertThat(ProfileArtifacts.safeId("..")).isEqualTo("__");
    }

    @Test
    void captureOptionsValidateWithTheFieldName() {
        assertThatThrownBy(() -> new CaptureOptions(null, java.time.Duration.ofNanos(10), 1, java.time.Duration.ZERO,
                java.time.Duration.ofMillis(20))).hasMessageContaining("cpuInterval").hasMessageContaining("PT0.00000001S");
        assertThatThrownBy(() -> CpuEngine.parsePreference("gpu")).hasMessageContaining("'gpu'");
    }
}
