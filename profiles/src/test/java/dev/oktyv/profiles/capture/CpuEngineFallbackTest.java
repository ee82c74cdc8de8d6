package dev.oktyv.profiles.capture;

import dev.oktyv.results.profile.ProfileManifestJson;

import dev.oktyv.results.profile.ProfileManifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktyv.profiles.ChildJvm;
import dev.oktyv.profiles.flame.CollapsedStacks;
import dev.oktyv.results.profile.EventKind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The automatic cpu engine choice against a kernel that refuses perf_events: a child JVM runs with an
 * {@code LD_PRELOAD} shim ({@code native/no-perf-events.c}, built here with gcc) that fails perf_event_open with
 * EACCES, as a container does. The capture must fall back to {@code ctimer}, say so on the console and in
 * {@code profile.json}, and still produce cpu samples. Skipped where gcc or async-profiler is missing.
 */
class CpuEngineFallbackTest {

    @Test
    void perfEventsRefusedFallsBackToCtimerAndRecordsIt(@TempDir Path dir) throws Exception {
        assumeTrue(one.profiler.AsyncProfilerLoader.isSupported(), "async-profiler has no build for this platform");
        Path shim = compileShim(dir);
        Path out = dir.resolve("fallback");

        String console = ChildJvm.run(Map.of("LD_PRELOAD", shim.toString()), List.of(),
                CpuCaptureMain.class.getName(), 60, out.toString());

        assertThat(console).contains("engine=ctimer").contains("cpu engine cpu unavailable; sampling cpu with ctimer");
        ProfileManifest.ForkProfile f = ProfileManifestJson.read(out.resolve("profile.json")).forks().get(0);
        assertThat(f.cpuEngine().orElseThrow().id()).isEqualTo("ctimer");
        assertThat(f.warnings()).anySatisfy(w -> assertThat(w).contains("sampling cpu with ctimer"));
        assertThat(CollapsedStacks.read(out.resolve("cpu-f1.collapsed"), EventKind.CPU)
                .weightContaining("dev.oktyv.profiles.calibration.HotMethods.a")).isPositive();
    }

    /** Without the shim the same capture uses perf_events where the kernel allows them: the shim is the cause. */
    @Test
    void withoutTheShimTheFirstChoiceIsKept(@TempDir Path dir) throws Exception {
        assumeTrue(one.profiler.AsyncProfilerLoader.isSupported(), "async-profiler has no build for this platform");
        Path out = dir.resolve("plain");
        String console = ChildJvm.run(List.of(), CpuCaptureMain.class.getName(), 60, out.toString());
        // perf_events may legitimately be refused on some machines; then this run falls back too and proves nothing.
        assumeTrue(console.contains("engine=cpu"), "perf_events unavailable on this machine: " + console);
        assertThat(console).doesNotContain("unavailable");
    }

    private static Path compileShim(Path dir) throws Exception {
        Path src = dir.resolve("no-perf-events.c");
        try (InputStream in = CpuEngineFallbackTest.class.getResourceAsStream("/native/no-perf-events.c")) {
            Files.copy(in, src);
        }
        Path lib = dir.resolve("libnoperfevents.so");
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O1", "-o", lib.toString(), src.toString(), "-ldl")
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "gcc is not installed: " + e.getMessage());
            throw e;
        }
        assumeTrue(gcc.waitFor(60, TimeUnit.SECONDS), "gcc did not finish");
        String log = new String(gcc.getInputStream().readAllBytes());
        assertThat(gcc.exitValue()).as(log).isZero();
        return lib;
    }
}
