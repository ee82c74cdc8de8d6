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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessJsonTest {

    static ReadinessReport sample() {
        Assessor a = new Assessor(Criteria.DEFAULTS);
        List<PhaseResult> results = List.of(
                a.assess(new PhaseFigures.Load(12_400, 0.0, 45.5, java.util.Optional.of(
                        "database step-03-100, 100 workers"), 1.5), Duration.ofMillis(30_000)),
                a.assess(new PhaseFigures.Security(93.75, 0, 1, 24), Duration.ofMillis(21_500)),
                a.assess(new PhaseFigures.Performance(List.of(new PhaseFigures.OperationLatency(
                        "benchmark EmailSendBenchmark.send1Thread [variant=baseline] (sample), the slowest of 12"
                                + " (JMH sample time per operation)", 2.75, 6.5))), Duration.ofMillis(95_000)),
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
                        "custom-checks.jar"))).withPerformance(Optional.of(evidence()));
    }

    /** Every part of the performance evidence, including a gain without an interval (one fork). */
    static PerformanceEvidence evidence() {
        String flame = "performance/profiled/profiles/dev.oktyv.bench.email.EmailSendBenchmark.send1Thread"
                + "-variant=baseline/cpu-f1.html";
        return new PerformanceEvidence("--quick preset with -f 2 -w 500ms -r 500ms, sample time per operation",
                "performance/jmh.json", 12, List.of("dev.oktyv.bench.files.FileReadBenchmark.read"),
                List.of(new PerformanceEvidence.OperationTime("EmailSendBenchmark.send1Thread [variant=baseline] (sample)",
                        2.75, 6.5)),
                List.of(new PerformanceEvidence.Profiled("EmailSendBenchmark.send1Thread [variant=baseline] (sample)",
                        "the slowest benchmark by mean", "ctimer", List.of(flame))),
                List.of(new PerformanceEvidence.Gain("connection pooling", "EmailSendBenchmark.send1Thread"
                                + " [variant=pooled] (sample) vs EmailSendBenchmark.send1Thread [variant=baseline] (sample)",
                                6.3, 5.1, 7.7, "gain-shown"),
                        new PerformanceEvidence.Gain("batching", "InsertBenchmark.insert1000Rows1ThreadBatched (sample) vs"
                                + " InsertBenchmark.insert1000Rows1ThreadOneByOne (sample)", 3.5, Double.NaN, Double.NaN,
                                "untestable")),
                List.of(new PerformanceEvidence.Recommendation("cpu-hot-methods", "CPU: hot methods", "warning",
                        "sun.nio.ch.Net.connect holds 55.0% of CPU samples (self)", "Open the CPU flame graph.",
                        List.of("send1Thread: self CPU share of sun.nio.ch.Net.connect = 55.00 %"),
                        List.of(flame, "performance/profiled/profiles/dev.oktyv.bench.email.EmailSendBenchmark"
                                + ".send1Thread-variant=baseline/cpu-f1.collapsed"))));
    }

    @Test
    void writesTheGoldenFile() throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/dev/oktyv/results/readiness/readiness-v1.json"),
                    ReadinessJson.write(sample()), StandardCharsets.UTF_8);
        }
        assertThat(ReadinessJson.write(sample())).isEqualTo(resource("readiness-v1.json"));
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        ReadinessReport back = ReadinessJson.read(resource("readiness-v1.json"));
        assertThat(ReadinessJson.write(back)).isEqualTo(resource("readiness-v1.json"));
        assertThat(back.performance()).contains(evidence());
        assertThat(back.ready()).isEqualTo(sample().ready());
    }

    /** The file as format version 1 was first written, before the performance evidence was added. */
    @Test
    void readsAFileWithoutThePerformanceEvidence() throws IOException {
        ReadinessReport old = ReadinessJson.read(resource("readiness-v1-without-evidence.json"));
        assertThat(old.performance()).isEmpty();
        assertThat(old.phases().get(Phase.PERFORMANCE.ordinal()).notRunReason())
                .contains("the quick JMH preset does not fit");
        assertThat(old.plugins()).hasSize(2);
    }

    @Test
    void aMalformedFileIsOneLineNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadinessJson.read("{\"formatVersion\": 1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing field 'criteria'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadinessJson.read("{\"formatVersion\": 2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("formatVersion 2");
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
