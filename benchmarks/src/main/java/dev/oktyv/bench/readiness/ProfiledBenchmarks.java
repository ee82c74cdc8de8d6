package dev.oktyv.bench.readiness;

import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.model.Mode;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.profile.ArtifactFormat;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.results.profile.ProfileArtifact;
import dev.oktyv.results.profile.ProfileArtifacts;
import dev.oktyv.results.profile.ProfileManifest;
import dev.oktyv.results.profile.ProfileManifestJson;
import dev.oktyv.results.readiness.PerformanceEvidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;

/** Names a JMH result the way {@code analyze} does, and reads back what its profiled run captured. */
final class ProfiledBenchmarks {

    private ProfiledBenchmarks() {
    }

    static Map<String, String> params(RunResult r) {
        Map<String, String> out = new TreeMap<>();
        for (String k : r.getParams().getParamsKeys()) {
            out.put(k, r.getParams().getParam(k));
        }
        return out;
    }

    /** {@code Class.method [a=1] (sample)}: the label of the analysis model, so the report's names agree. */
    static String label(RunResult r) {
        return BenchmarkId.of(r.getParams().getBenchmark(), Mode.fromShortName(r.getParams().getMode().shortLabel()),
                params(r)).label();
    }

    /**
     * What the profiled fork captured: the cpu engine from its {@code profile.json} (async-profiler falls back from
     * perf to ctimer or itimer where perf events are not allowed, which changes what the flame graph shows), and the
     * cpu flame graphs, relative to the readiness run folder.
     */
    static PerformanceEvidence.Profiled describe(RunFolder root, RunFolder profiled, RunResult r, String reason)
            throws IOException {
        String workload = ProfileArtifacts.benchmarkId(r.getParams().getBenchmark(), params(r));
        Path manifest = profiled.profilesDir(workload).resolve(ProfileArtifacts.MANIFEST);
        String engine = "none (no " + ProfileArtifacts.MANIFEST + " written)";
        if (Files.isRegularFile(manifest)) {
            ProfileManifest m = ProfileManifestJson.read(manifest);
            Set<String> engines = new LinkedHashSet<>();
            m.forks().forEach(f -> f.cpuEngine().ifPresentOrElse(e -> engines.add(engineName(e)),
                    () -> engines.add(f.jfr() ? "jfr" : "none")));
            engine = engines.isEmpty() ? "none (no fork captured)" : String.join("+", engines);
        }
        List<String> flames = profiled.profileInventory().of(workload, EventKind.CPU, ArtifactFormat.FLAME_HTML).stream()
                .map(ProfileArtifact::path).map(p -> relative(root, p)).collect(Collectors.toList());
        return new PerformanceEvidence.Profiled(label(r), reason, engine, flames);
    }

    /** {@code perf}, {@code ctimer} or {@code itimer}: profile.json says {@code cpu} for perf_events. */
    static String engineName(dev.oktyv.results.profile.CpuEngine e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Relative to the run folder with forward slashes, as the report links it ({@code analyze}'s own helper). */
    static String relative(RunFolder root, Path p) {
        return dev.oktyv.analysis.rules.RuleResultWriter.relative(root.path(), p).replace('\\', '/');
    }
}
