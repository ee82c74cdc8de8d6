package dev.oktyv.results.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessJsonTest {

    static ReadinessReport sample() {
        Assessor a = new Assessor(Criteria.DEFAULTS);
        List<PhaseResult> results = List.of(
                a.assess(new PhaseFigures.Load(12_400, 0.0, 45.5, java.util.Optional.of(
                        "database step-03-100, 100 workers"), 1.5), Duration.ofMillis(30_000)),
                a.assess(new PhaseFigures.Security(93.75, 0, 1, 24), Duration.ofMillis(21_500)),
                PhaseResult.notRun(Phase.PERFORMANCE, "the quick JMH preset does not fit"),
                // As against a user's service (--target-url): other traffic, and the outage drill not applicable.
                a.assess(new PhaseFigures.Monitoring(4, 4, 120, 123, PhaseFigures.Monitoring.NOT_MEASURED,
                        PhaseFigures.Monitoring.NOT_MEASURED, 0, 0, true,
                        java.util.Optional.of("the outage drill needs the fault proxy in front of the service's database")), Duration.ofMillis(1_250)),
                a.assess(new PhaseFigures.Recovery(Double.NaN, 0, 0), Duration.ofMillis(800)));
        return ReadinessReport.of(Instant.parse("2026-12-03T10:00:00Z"), Duration.ofMillis(23_550), true,
                Criteria.DEFAULTS, EnumSet.allOf(Phase.class), results).withStress(java.util.Optional.of(
                new dev.oktyv.results.load.StressResult(1, "database", dev.oktyv.results.load.StressLevel.Kind.CONCURRENCY,
                        1.0, List.of("error_rate<1%"), List.of(
                        new dev.oktyv.results.load.StressResult.Step("step-01-10", 10, 5200.0, 1800.0, 0.0, 0, true),
                        new dev.oktyv.results.load.StressResult.Step("step-02-50", 50, 6100.0, 9500.0, 0.0, 0, true),
                        new dev.oktyv.results.load.StressResult.Step("step-03-100", 100, 5900.0, 31000.0, 0.015, 0,
                                false))))).withPlugins(List.of(
                new PluginRef(PluginKind.SECURITY_PROBE, "service.server-banner", "com.example.ServerBannerProbe",
                        "custom-checks.jar"),
                new PluginRef(PluginKind.HEALTH_CHECK, "tmp-space", "com.example.TmpSpaceCheck",
                        "custom-checks.jar")));
    }

    @Test
    void writesTheGoldenFile() throws IOException {
        assertThat(ReadinessJson.write(sample())).isEqualTo(resource("readiness-v1.json"));
    }

    @Test
    void writesIntoTheRunFolderAtomically(@TempDir Path dir) throws IOException {
        RunFolder folder = new RunFolder(dir, new RunId("20261203T100000Z-abc1234"));
        ReadinessJson.write(folder, sample());
        assertThat(Files.readString(folder.readinessJson(), StandardCharsets.UTF_8))
                .isEqualTo(resource("readiness-v1.json"));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ReadinessJsonTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
