package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.jmh.JmhJsonReader;
import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.model.LoadEvidence;
import dev.oktyv.analysis.model.Run;
import dev.oktyv.analysis.testing.SyntheticJmh;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders for rule inputs: each test states exactly the numbers a rule sees. */
final class Inputs {

    static final Path RUN_DIR = Path.of("/runs/20261120T100000Z-aaaaaaaaaa");
    static final Path JFR = RUN_DIR.resolve("profiles/w/jfr-f1.jfr");

    private Inputs() {
    }

    static Run run(SyntheticJmh jmh) {
        return new Run(new RunFolder(RUN_DIR, new RunId("20261120T100000Z-aaaaaaaaaa")), Optional.empty(),
                jmh == null ? List.of() : JmhJsonReader.read(new StringReader(jmh.json()), "test"));
    }

    static AnalysisInput empty() {
        return new AnalysisInput(run(null), List.of(), List.of());
    }

    static AnalysisInput jmh(SyntheticJmh jmh) {
        return new AnalysisInput(run(jmh), List.of(), List.of());
    }

    static AnalysisInput profile(WorkloadProfile p) {
        return new AnalysisInput(run(null), List.of(p), List.of());
    }

    static AnalysisInput loads(LoadEvidence... l) {
        return new AnalysisInput(run(null), List.of(), List.of(l));
    }

    static FrameHistogram hist(String event, Map<String, Double> leafWeights) {
        FrameHistogram.Builder b = new FrameHistogram.Builder(event).source(RUN_DIR.resolve("profiles/w/" + event + "-f1.collapsed"));
        leafWeights.forEach((leaf, w) -> b.add(List.of("java.lang.Thread.run", "bench.Stub.run", leaf), w));
        return b.build();
    }

    static WorkloadProfile cpu(FrameHistogram h) {
        return new WorkloadProfile("w", Optional.of(h), Optional.empty(), Optional.empty(), List.of());
    }

    static WorkloadProfile jfr(JfrDigest d) {
        return new WorkloadProfile("w", Optional.empty(), Optional.empty(), Optional.empty(), List.of(d));
    }

    /**
     * A 10-second recording with the given numbers and nothing else; {@code gcCount} -1 means no GC event recorded,
     * {@code io} keys are written as messages cite them ({@code file:/x}, {@code socket:host:port}).
     */
    static JfrDigest digest(long gcCount, double gcPauseNanos, double gcLongestNanos, double exceptions,
                            Map<String, Double> monitor, Map<String, Double> io) {
        Map<dev.oktyv.analysis.model.IoTarget, Double> targets = new java.util.HashMap<>();
        io.forEach((k, v) -> targets.put(k.startsWith("file:")
                ? dev.oktyv.analysis.model.IoTarget.file(k.substring("file:".length()))
                : new dev.oktyv.analysis.model.IoTarget(dev.oktyv.analysis.model.IoTarget.Kind.SOCKET,
                        k.substring("socket:".length())), v));
        return new JfrDigest(JFR, 10e9, Optional.empty(), Optional.empty(),
                gcCount < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(gcCount), gcPauseNanos,
                gcLongestNanos, exceptions, monitor, Optional.empty(), Map.of(), targets, Map.of());
    }

    static LoadEvidence load(double requests, double errors, double dropped, double correctedP99, double serviceP99,
                             List<LoadEvidence.StressStep> steps) {
        return new LoadEvidence("scenario", RUN_DIR.resolve("load/scenario/summary.json"), requests, errors, dropped,
                correctedP99, serviceP99, steps);
    }
}
