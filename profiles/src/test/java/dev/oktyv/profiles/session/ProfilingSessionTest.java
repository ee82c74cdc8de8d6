package dev.oktyv.profiles.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.profiles.capture.AsyncProfilerProvider;
import dev.oktyv.profiles.capture.CaptureOptions;
import dev.oktyv.results.profile.CpuEngine;
import dev.oktyv.results.profile.ProfileManifest;
import dev.oktyv.results.profile.ProfileManifestJson;
import dev.oktyv.profiles.capture.ProfileRequest;
import dev.oktyv.profiles.calibration.HotMethods;
import dev.oktyv.profiles.flame.CollapsedStacks;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.profiles.flame.JfrStackReader;
import dev.oktyv.profiles.flame.ProfileDiff;
import dev.oktyv.profiles.flame.StackFilter;
import dev.oktyv.profiles.flame.StackProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The known-hot-method workload profiled in-process by async-profiler (cpu + alloc) and JFR at once, then a
 * b-dominant run to diff against. One capture feeds several assertions to keep the test time bounded (~5 s).
 */
class ProfilingSessionTest {

    @TempDir
    static Path run;

    static ProfileManifest.ForkProfile aDominant;
    static ProfileManifest.ForkProfile bDominant;
    static String console;
    static final String A_ID = "hot-a";
    static final String B_ID = "hot-b";

    @BeforeAll
    static void capture() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(log, true);
        HotMethods.runFor(Duration.ofMillis(300), 4, 1); // let the JIT settle before measuring
        // 1 ms instead of the default 10 ms: on a loaded 2-core machine the thread gets a fraction of a core, and
        // the share estimate needs several hundred samples to be within 70-90% reliably.
        CaptureOptions fast = new CaptureOptions(null, Duration.ofMillis(1), 512 * 1024, Duration.ofNanos(10_000),
                Duration.ofMillis(20));
        try (ProfilingSession s = ProfilingSession.start(ProfileRequest.parse("cpu,alloc,jfr"), fast, run, A_ID, ps,
                AsyncProfilerProvider.AP_LOADER)) {
            HotMethods.runFor(Duration.ofMillis(2500), 4, 1);
            aDominant = s.stop();
        }
        try (ProfilingSession s = ProfilingSession.start(ProfileRequest.parse("cpu"), fast, run, B_ID, ps,
                AsyncProfilerProvider.AP_LOADER)) {
            HotMethods.runFor(Duration.ofMillis(1500), 1, 4);
            bDominant = s.stop();
        }
        console = log.toString();
    }

    /** Share of a among the workload's samples; other JVM threads (JIT, GC) are filtered out by --include. */
    static double aShare(StackProfile p) {
        StackProfile w = p.filtered(StackFilter.of("HotMethods\\.round", null, false));
        return w.shareOfFrameEndingWith("HotMethods.a");
    }

    @Test
    void asyncCpuProfileGivesAEightyPercent() throws Exception {
        Path dir = run.resolve("profiles").resolve(A_ID);
        StackProfile cpu = CollapsedStacks.read(dir.resolve("cpu-f1.collapsed"), EventKind.CPU);
        assertThat(cpu.totalWeight()).isGreaterThan(50);
        assertThat(aShare(cpu)).isBetween(0.70, 0.90);
        assertThat(aDominant.cpuEngine().orElseThrow().id()).isIn(CpuEngine.PERF.id(), CpuEngine.CTIMER.id(), CpuEngine.ITIMER.id());
    }

    @Test
    void jfrRecordedAlongsideGivesAEightyPercent() throws Exception {
        Path jfr = run.resolve("profiles").resolve(A_ID).resolve("jfr-f1.jfr");
        StackProfile cpu = JfrStackReader.read(jfr, EventKind.CPU, false);
        assertThat(aShare(cpu)).isBetween(0.70, 0.90);
    }

    @Test
    void knownAllocationSiteAppearsInTheAllocProfile() throws Exception {
        Path dir = run.resolve("profiles").resolve(A_ID);
        StackProfile alloc = CollapsedStacks.read(dir.resolve("alloc-f1.collapsed"), EventKind.ALLOC);
        assertThat(alloc.weightContaining("dev.oktyv.profiles.calibration.HotMethods.allocate")).isPositive();
        // Within the workload thread the only allocation is the known site (the rest of the JVM, e.g. JFR
        // writing its metadata in this same process, allocates too, so the site is not all of the profile).
        StackProfile workload = alloc.filtered(StackFilter.of("HotMethods\\.runFor", null, false));
        assertThat(workload.shareOfFrameEndingWith("HotMethods.allocate")).isGreaterThan(0.9);
        assertThat(alloc.stacks().keySet()).anySatisfy(s -> assertThat(s).last().isEqualTo("long[]"));
    }

    @Test
    void writesEveryArtifactOfTheContractAndTheManifest() throws Exception {
        Path dir = run.resolve("profiles").resolve(A_ID);
        for (String f : new String[] {"cpu-f1.collapsed", "cpu-f1.html", "cpu-f1-reverse.html", "cpu-f1.jfr",
                "alloc-f1.collapsed", "alloc-f1.html", "alloc-f1-reverse.html", "alloc-f1.jfr", "jfr-f1.jfr"}) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        ProfileManifest m = ProfileManifestJson.read(dir.resolve("profile.json"));
        assertThat(m.forks()).singleElement().satisfies(f -> {
            assertThat(f.asyncEvents()).containsExactly(EventKind.CPU, EventKind.ALLOC);
            assertThat(f.jfr()).isTrue();
            assertThat(f.cpuIntervalNanos()).isEqualTo(java.util.OptionalLong.of(1_000_000L));
            assertThat(f.files()).contains("cpu-f1.html", "jfr-f1.jfr");
        });
        String reverse = Files.readString(dir.resolve("cpu-f1-reverse.html"));
        assertThat(reverse).contains("reversed");
    }

    @Test
    void diffOfADominantAgainstBDominantHasTheRightSigns() throws Exception {
        StackProfile base = CollapsedStacks.read(run.resolve("profiles/" + A_ID + "/cpu-f1.collapsed"), EventKind.CPU)
                .filtered(StackFilter.of("HotMethods\\.round", null, false));
        StackProfile next = CollapsedStacks.read(run.resolve("profiles/" + B_ID + "/cpu-f1.collapsed"), EventKind.CPU)
                .filtered(StackFilter.of("HotMethods\\.round", null, false));
        ProfileDiff d = ProfileDiff.of(base, next);
        double aDelta = d.find("HotMethods.a").stream().mapToDouble(ProfileDiff.Node::deltaShare).sum();
        double bDelta = d.find("HotMethods.b").stream().mapToDouble(ProfileDiff.Node::deltaShare).sum();
        assertThat(aDelta).isLessThan(-0.3);
        assertThat(bDelta).isGreaterThan(0.3);
    }

    @Test
    void recordsTheCpuEngineThatActuallyRan(@TempDir Path other) throws Exception {
        ProfileManifest.ForkProfile f;
        try (ProfilingSession s = ProfilingSession.start(ProfileRequest.parse("cpu"),
                CaptureOptions.DEFAULTS.withCpuEngine(CpuEngine.ITIMER), other, "itimer", System.out,
                AsyncProfilerProvider.AP_LOADER)) {
            HotMethods.runFor(Duration.ofMillis(400), 4, 1);
            f = s.stop();
        }
        assertThat(f.cpuEngine().orElseThrow().id()).isEqualTo("itimer");
        assertThat(ProfileManifestJson.read(other.resolve("profiles/itimer/profile.json")).forks().get(0).cpuEngine().orElseThrow().id())
                .isEqualTo("itimer");
    }

    @Test
    void noneRequestIsANoOpSession(@TempDir Path other) throws Exception {
        try (ProfilingSession s = ProfilingSession.start(ProfileRequest.NONE, other, "x", System.out)) {
            assertThat(s.stop()).isNull();
        }
        assertThat(other).isEmptyDirectory();
    }

    @Test
    void degradesToJfrAloneWithOneLineWarningWhenAsyncProfilerIsUnsupported(@TempDir Path other) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ProfileManifest.ForkProfile f;
        try (ProfilingSession s = ProfilingSession.start(ProfileRequest.parse("cpu"), CaptureOptions.DEFAULTS, other,
                "degraded", new PrintStream(log, true), () -> {
                    throw new UnsupportedOperationException("async-profiler has no build for Plan9/mips");
                })) {
            HotMethods.runFor(Duration.ofMillis(300), 4, 1);
            f = s.stop();
        }
        assertThat(log.toString().strip()).doesNotContain("\n").contains("Plan9/mips").contains("JFR only");
        assertThat(f.asyncEvents()).isEmpty();
        assertThat(f.jfr()).isTrue();
        assertThat(f.warnings()).singleElement().asString().contains("JFR only");
        assertThat(other.resolve("profiles/degraded/jfr-f1.jfr")).isRegularFile();
        assertThat(other.resolve("profiles/degraded/cpu-f1.html")).doesNotExist();
    }
}
