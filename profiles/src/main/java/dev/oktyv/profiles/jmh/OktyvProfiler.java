package dev.oktyv.profiles.jmh;

import dev.oktyv.profiles.capture.AsyncProfilerProvider;
import dev.oktyv.profiles.capture.CaptureRun;
import dev.oktyv.results.profile.ProfileArtifacts;
import dev.oktyv.profiles.jfr.WarmupRecording;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;

/**
 * The suite's JMH profiler: {@code -prof dev.oktyv.profiles.jmh.OktyvProfiler:dir=<run>/profiles;profile=cpu,jfr}
 * (see {@link JmhProfilerOptions}). Usually added by {@link JmhProfiling#apply}.
 *
 * <p>It is two profilers in one class. In the host JVM (as {@link ExternalProfiler}) it numbers the forks and
 * tells each forked JVM its number through {@code -Doktyv.profile.fork=N} (0 for a warm-up fork, which is not
 * profiled): JMH 1.37's own async profiler writes every fork to the same file names, so later forks overwrite
 * earlier ones. In the forked JVM (as {@link InternalProfiler}) it starts capturing at the first measurement
 * iteration — warm-up samples are never recorded — and stops after the last one, then writes the artifacts. With
 * JFR, a {@link WarmupRecording} runs through warm-up so that starting JFR itself is not paid inside the score.
 */
public final class OktyvProfiler implements InternalProfiler, ExternalProfiler {

    static final String FORK_PROPERTY = "oktyv.profile.fork";

    private final JmhProfilerOptions options;
    private final Map<String, Integer> forksStarted = new HashMap<>();
    private CaptureRun capture;
    private WarmupRecording warmupJfr;
    private int measurementDone;
    private int warmupDone;

    public OktyvProfiler(String initLine) throws ProfilerException {
        try {
            this.options = JmhProfilerOptions.parse(initLine);
        } catch (IllegalArgumentException e) {
            throw new ProfilerException(e.getMessage());
        }
    }

    @Override
    public String getDescription() {
        return "Oktyv: async-profiler/JFR capture of measurement iterations only, one set of artifacts per fork";
    }

    // ---- host JVM side ----

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        // JMH asks once per fork, warm-up forks first, all with the same params.
        int n = forksStarted.merge(params.id(), 1, Integer::sum);
        int fork = Math.max(0, n - params.getWarmupForks());
        return List.of("-D" + FORK_PROPERTY + "=" + fork);
    }

    @Override
    public void beforeTrial(BenchmarkParams params) {
    }

    @Override
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, java.io.File stdOut, java.io.File stdErr) {
        return List.of();
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }

    // ---- forked JVM side ----

    @Override
    public void beforeIteration(BenchmarkParams bp, IterationParams ip) {
        int fork = currentFork();
        if (fork == 0) {
            return;
        }
        if (ip.getType() == IterationType.WARMUP) {
            startWarmupJfr(bp);
            return;
        }
        if (capture != null || measurementDone > 0) {
            return;
        }
        String id = workloadId(bp);
        Path dir = options.profilesDir().resolve(ProfileArtifacts.safeId(id));
        try {
            capture = CaptureRun.start(options.request(), options.capture(), dir, id, fork, bp.getWarmup().getCount(),
                    System.out, AsyncProfilerProvider.AP_LOADER);
        } catch (IOException | RuntimeException e) {
            // The benchmark's score is still valid without a profile: say so in one line and carry on.
            System.out.println("warning: profiling of " + id + " fork " + fork + " did not start: " + e.getMessage());
        } finally {
            // After the measured recording started, so JFR stays up and its start-up cost stays in warm-up.
            discardWarmupJfr();
        }
    }

    private void startWarmupJfr(BenchmarkParams bp) {
        if (warmupJfr != null || warmupDone > 0 || !options.request().jfr()) {
            return;
        }
        try {
            warmupJfr = WarmupRecording.start();
        } catch (RuntimeException e) {
            System.out.println("warning: JFR warm-up recording of " + workloadId(bp) + " did not start: "
                    + e.getMessage());
        }
    }

    private void discardWarmupJfr() {
        if (warmupJfr != null) {
            warmupJfr.discard();
            warmupJfr = null;
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams bp, IterationParams ip, IterationResult result) {
        if (ip.getType() == IterationType.WARMUP) {
            warmupDone++;
            return List.of();
        }
        measurementDone++;
        if (capture != null && measurementDone >= ip.getCount()) {
            CaptureRun c = capture;
            capture = null;
            try {
                c.stop();
            } catch (IOException e) {
                System.out.println("warning: profile artifacts of " + workloadId(bp) + " incomplete: " + e.getMessage());
            }
        }
        return List.of();
    }

    /** Fork number from the host; without a host (JMH forks = 0) the benchmark runs once, as fork 1. */
    private static int currentFork() {
        String v = System.getProperty(FORK_PROPERTY);
        return v == null ? 1 : Integer.parseInt(v);
    }

    /** {@code <benchmark>[-<param>=<value>...]} per the profile-artifact contract. */
    static String workloadId(BenchmarkParams bp) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String k : bp.getParamsKeys()) {
            params.put(k, bp.getParam(k));
        }
        return ProfileArtifacts.benchmarkId(bp.getBenchmark(), params);
    }
}
