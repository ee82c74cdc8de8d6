package dev.oktyv.analysis.testing;

import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import dev.oktyv.results.readiness.Assessor;
import dev.oktyv.results.readiness.Criteria;
import dev.oktyv.results.readiness.Phase;
import dev.oktyv.results.readiness.PerformanceEvidence;
import dev.oktyv.results.readiness.PhaseFigures;
import dev.oktyv.results.readiness.PhaseResult;
import dev.oktyv.results.readiness.ReadinessJson;
import dev.oktyv.results.readiness.ReadinessReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * A readiness run folder as {@code readiness} leaves it: the verdict file, a load scenario's summary, security.json,
 * recovery.json and the performance phase's JMH run with a flame graph, so every link of the report has a file.
 * Security fails its score and recovery could not run: the report must put those first.
 */
public final class ReadinessFixture {

    public static final String RUN_ID = "20261203T100000Z-abc1234";
    public static final String FLAME = "performance/profiled/profiles/dev.oktyv.bench.email.EmailSendBenchmark.send1Thread"
            + "-variant=baseline/cpu-f1.html";
    public static final String COLLAPSED = FLAME.replace(".html", ".collapsed");

    private ReadinessFixture() {
    }

    public static ReadinessReport report() {
        Assessor a = new Assessor(Criteria.DEFAULTS);
        List<PhaseResult> results = List.of(
                a.assess(new PhaseFigures.Load(24_000, 0.0, 3.1), Duration.ofMillis(26_000)),
                a.assess(new PhaseFigures.Security(85.0, 0, 2, 24), Duration.ofMillis(59_000)),
                a.assess(new PhaseFigures.Performance(List.of(
                        new PhaseFigures.OperationLatency("load scenario 'http', the slowest (corrected latencies)", 1.6, 3.1),
                        new PhaseFigures.OperationLatency("benchmark EmailSendBenchmark.send1Thread [variant=baseline]"
                                + " (sample), the slowest of 12 (JMH sample time per operation)", 2.75, 6.5))),
                        Duration.ofMillis(95_000)),
                a.assess(new PhaseFigures.Monitoring(4, 4, 50, 50, "DEGRADED", "UP", 1, 1), Duration.ofMillis(7_000)),
                PhaseResult.notRun(Phase.RECOVERY, "failed to run: IOException: no space left"));
        return ReadinessReport.of(Instant.parse("2026-12-03T10:00:00Z"), Duration.ofMillis(188_000), true,
                Criteria.DEFAULTS, EnumSet.allOf(Phase.class), results).withPerformance(Optional.of(evidence()));
    }

    static PerformanceEvidence evidence() {
        String send = "EmailSendBenchmark.send1Thread [variant=baseline] (sample)";
        return new PerformanceEvidence("--quick preset with -f 2 -w 500ms -r 500ms, sample time per operation",
                "performance/jmh.json", 12, List.of(),
                List.of(new PerformanceEvidence.OperationTime(send, 2.75, 6.5),
                        new PerformanceEvidence.OperationTime("PointQueryBenchmark.pointQuery1Thread [variant=baseline]"
                                + " (sample)", 0.41, 0.9)),
                List.of(new PerformanceEvidence.Profiled(send, "the slowest benchmark by mean", "ctimer", List.of(FLAME))),
                List.of(new PerformanceEvidence.Gain("connection pooling", "EmailSendBenchmark.send1Thread"
                                + " [variant=pooled] (sample) vs " + send, 6.3, 5.1, 7.7, "gain-shown"),
                        new PerformanceEvidence.Gain("batching", "InsertBenchmark.insert1000Rows1ThreadBatched (sample)"
                                + " vs InsertBenchmark.insert1000Rows1ThreadOneByOne (sample)", 3.5, Double.NaN,
                                Double.NaN, "untestable")),
                List.of(new PerformanceEvidence.Recommendation("cpu-hot-methods", "CPU: hot methods", "warning",
                        "sun.nio.ch.Net.connect holds 55.0% of CPU samples (self)", "Open the CPU flame graph.",
                        List.of("send1Thread: self CPU share of sun.nio.ch.Net.connect = 55.00 %"),
                        List.of(FLAME, COLLAPSED))));
    }

    /** Writes the whole folder under {@code root}. */
    public static RunFolder create(Path root) throws IOException {
        RunFolder f = new RunFolder(root.resolve(RUN_ID), new RunId(RUN_ID));
        Files.createDirectories(f.loadDir("http"));
        copy("summary.json", f.load("http").summary());
        copy("security.json", f.securityJson());
        copy("recovery.json", f.recoveryJson());
        Path flame = f.path().resolve(FLAME);
        Files.createDirectories(flame.getParent());
        Files.writeString(flame, "<!DOCTYPE html><html lang=\"en\"><head><title>flame</title></head><body></body></html>");
        Files.writeString(f.path().resolve(COLLAPSED), "a;b;c 10\n");
        Files.writeString(f.performance().jmhJson(), "[]\n");
        ReadinessJson.write(f, report());
        return f;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = ReadinessFixture.class.getResourceAsStream("/readiness-fixture/" + resource)) {
            if (in == null) {
                throw new IOException("missing test resource readiness-fixture/" + resource);
            }
            Files.copy(in, target);
        }
    }
}
