package dev.oktyv.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.model.ThreadActivity;
import dev.oktyv.analysis.model.WaitKind;
import dev.oktyv.analysis.model.WaitSite;
import dev.oktyv.analysis.model.WallProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The rules that read waits (locks, off-CPU) and the hot-method evidence's choice of frames. */
class WaitRulesTest {

    private static final double TEN_SECONDS = 10e9;

    /** A 10-second recording with these waits and thread counts. */
    private static JfrDigest digest(Map<WaitSite, Double> waits, Map<String, Integer> threads) {
        Map<String, Double> monitor = new HashMap<>();
        Map<String, Double> parked = new HashMap<>();
        waits.forEach((w, ns) -> {
            if (w.kind() == WaitKind.LOCK) {
                monitor.merge(w.target(), ns, Double::sum);
            } else if (w.kind() == WaitKind.PARK) {
                parked.merge(w.target(), ns, Double::sum);
            }
        });
        return new JfrDigest(Inputs.JFR, TEN_SECONDS, Optional.empty(), Optional.empty(), OptionalLong.empty(), Double.NaN,
                Double.NaN, Double.NaN, monitor, Optional.empty(), parked, Map.of(), Map.of(),
                new ThreadActivity(waits, threads, Map.of(), Map.of()), java.util.Set.of());
    }

    @Test
    void locksCountTheJmhWorkersNotTheIdleControlThreads() {
        String workers = "b.B.run-jmh-worker-#";
        JfrDigest d = digest(Map.of(
                new WaitSite(workers, WaitKind.LOCK, "b.Cache", "b.Cache.get"), 2e9,
                new WaitSite("main", WaitKind.PARK, "java.util.concurrent.CountDownLatch$Sync", "org.openjdk.jmh.runner.Runner.run"), 10e9,
                new WaitSite("BenchmarkHandler-#", WaitKind.PARK, "", "org.openjdk.jmh.runner.BenchmarkHandler.runIteration"), 9e9),
                Map.of(workers, 2, "main", 1, "BenchmarkHandler-#", 1));
        RuleResult r = new LockContentionRule().evaluate(Inputs.profile(Inputs.jfr(d)));
        assertThat(r.summary()).contains("JMH worker threads (2").contains("10.0% of their time").contains("most on b.Cache at b.Cache.get");
        assertThat(r.evidence()).filteredOn(e -> e.quantity().equals("parked share of thread time"))
                .singleElement().satisfies(e -> assertThat(e.value()).isZero());
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aForeignRecordingIsReportedPerThreadGroupNamingTheOneUsed() {
        JfrDigest d = digest(Map.of(
                new WaitSite("pool-#-thread-#", WaitKind.LOCK, "app.Registry", "app.Registry.lookup"), 6e9,
                new WaitSite("http-nio-#-exec-#", WaitKind.LOCK, "app.Session", "app.Session.touch"), 1e9),
                Map.of("pool-#-thread-#", 4, "http-nio-#-exec-#", 8, "main", 1));
        RuleResult r = new LockContentionRule().evaluate(Inputs.profile(Inputs.jfr(d)));
        assertThat(r.summary()).contains("thread group pool-#-thread-# (4 threads)").contains("15.0% of their time")
                .contains("app.Registry");
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.evidence()).extracting(Evidence::subject).contains("w [thread group pool-#-thread-# (4 threads)]",
                "w [thread group http-nio-#-exec-# (8 threads)]");
    }

    @Test
    void offCpuFromJfrNamesTheWaitItsTargetAndFrameAsAShareOfTheWorkersTime() {
        String workers = "b.B.call-jmh-worker-#";
        JfrDigest d = digest(Map.of(
                new WaitSite(workers, WaitKind.SOCKET_READ, "socket:db:5432", "app.Dao.query"), 12e9,
                new WaitSite(workers, WaitKind.FILE_SYNC, "file:/data/wal", "app.Wal.commit"), 2e9,
                new WaitSite("main", WaitKind.PARK, "", "org.openjdk.jmh.runner.Runner.run"), 10e9),
                Map.of(workers, 2, "main", 1));
        RuleResult r = new OffCpuRule().evaluate(Inputs.profile(Inputs.jfr(d)));
        // 12 s of socket reads over 2 workers x 10 s.
        assertThat(r.summary()).isEqualTo("w: 60.0% of the time of JMH worker threads (2, named *-jmh-worker-*) is spent"
                + " waiting in socket read of socket:db:5432 in app.Dao.query");
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.evidence()).extracting(Evidence::quantity).containsExactly("waiting share of thread time",
                "share in socket read of socket:db:5432 in app.Dao.query", "share in file sync of file:/data/wal in app.Wal.commit");
        assertThat(r.evidence().get(0).value()).isEqualTo(70.0);
    }

    @Test
    void offCpuFromAWallProfile() {
        String t = dev.oktyv.analysis.profile.CollapsedStacks.JMH_WORKER_STACKS;
        WallProfile wall = new WallProfile(List.of(Inputs.RUN_DIR.resolve("profiles/w/wall-f1.collapsed")), Map.of(
                new WaitSite(t, WaitKind.SOCKET_READ, "", "app.JdkHttpTransport.send"), 77.0,
                new WaitSite(t, WaitKind.RUNNING, "", ""), 23.0));
        WorkloadProfile p = new WorkloadProfile("w", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(wall), List.of());
        RuleResult r = new OffCpuRule().evaluate(Inputs.profile(p));
        assertThat(r.summary()).isEqualTo("w: 77.0% of the time of JMH worker threads (stacks through a _jmhTest stub) is"
                + " spent waiting in socket read in app.JdkHttpTransport.send");
        WallProfile busy = new WallProfile(wall.sources(), Map.of(new WaitSite(t, WaitKind.RUNNING, "", ""), 100.0));
        RuleResult running = new OffCpuRule().evaluate(Inputs.profile(new WorkloadProfile("w", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(busy), List.of())));
        assertThat(running.severity()).isEqualTo(Severity.OK);
        assertThat(running.summary()).isEqualTo("the worker threads spend little time waiting");
        assertThat(new OffCpuRule().evaluate(Inputs.empty()).applicable()).isFalse();
    }

    @Test
    void aForeignWallProfileHeadlinesTheGroupThatWaitsInApplicationCodeNotTheIdleOnes() {
        // An async-profiler wall recording of a service: GC and pool threads idle in native code or the JDK all the
        // time; the request threads wait 60% of their time on the backend.
        JfrDigest d = new JfrDigest(Inputs.JFR, TEN_SECONDS, Optional.empty(), Optional.empty(), OptionalLong.empty(),
                Double.NaN, Double.NaN, Double.NaN, Map.of(), Optional.empty(), Map.of(), Map.of(), Map.of(),
                new ThreadActivity(Map.of(), Map.of("http-#", 4, "GC Thread##", 2, "pool-#-thread-#", 8), Map.of(), Map.of(
                        new WaitSite("GC Thread##", WaitKind.PARK, "", "__new_sem_wait_slow64.constprop.0"), 200.0,
                        new WaitSite("pool-#-thread-#", WaitKind.PARK, "", "java.util.concurrent.ThreadPoolExecutor.getTask"), 800.0,
                        new WaitSite("http-#", WaitKind.SOCKET_READ, "", "app.JdkHttpTransport.send"), 240.0,
                        new WaitSite("http-#", WaitKind.RUNNING, "", ""), 160.0)), java.util.Set.of("profiler.WallClockSample"));
        RuleResult r = new OffCpuRule().evaluate(Inputs.profile(Inputs.jfr(d)));
        assertThat(r.summary()).isEqualTo("w: 60.0% of the time of thread group http-# (4 threads) is spent waiting in"
                + " socket read in app.JdkHttpTransport.send");
        assertThat(r.evidence()).extracting(Evidence::quantity).containsExactly(
                "thread groups waiting only in JDK or native code (idle, left out)", "waiting share of thread time",
                "share in socket read in app.JdkHttpTransport.send");
        assertThat(r.evidence().get(0).value()).isEqualTo(2);
        // Only wall samples were enabled: no monitor, park or I/O event could have been recorded, so those rules
        // have nothing to say rather than "no contention".
        assertThat(new LockContentionRule().evaluate(Inputs.profile(Inputs.jfr(d))).applicable()).isFalse();
        assertThat(new IoRule().evaluate(Inputs.profile(Inputs.jfr(d))).applicable()).isFalse();
    }

    @Test
    void aForeignRecordingWithOneIdleGroupHasNoHeadlineWait() {
        // Surefire's stream flusher parks in the JDK all the time: it waits for work, which is not a finding.
        JfrDigest d = digest(Map.of(new WaitSite("surefire-forkedjvm-stream-flusher", WaitKind.PARK,
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject", "jdk.internal.misc.Unsafe.park"), 9e9),
                Map.of("surefire-forkedjvm-stream-flusher", 1));
        RuleResult r = new OffCpuRule().evaluate(Inputs.profile(Inputs.jfr(d)));
        assertThat(r.severity()).isEqualTo(Severity.OK);
        assertThat(r.summary()).isEqualTo("the worker threads spend little time waiting");
        assertThat(r.evidence()).singleElement().satisfies(e -> assertThat(e.value()).isEqualTo(1));
    }

    @Test
    void threadGroupsDropTheNumbersThatCountThreads() {
        assertThat(dev.oktyv.analysis.model.ThreadGroups.of("pool-3-thread-17")).isEqualTo("pool-#-thread-#");
        assertThat(dev.oktyv.analysis.model.ThreadGroups.of("C2 CompilerThread0")).isEqualTo("C2 CompilerThread#");
        assertThat(dev.oktyv.analysis.model.ThreadGroups.of("b.Sha256.hash-jmh-worker-2")).isEqualTo("b.Sha256.hash-jmh-worker-#");
        assertThat(dev.oktyv.analysis.model.ThreadGroups.of(null)).isEqualTo("[unknown thread]");
    }

    @Test
    void hotMethodEvidenceLeavesOutFramesThatAreOnEveryStack() {
        FrameHistogram.Builder b = new FrameHistogram.Builder("cpu").source(Inputs.JFR);
        List<String> stub = List.of("java.lang.Thread.run", "java.lang.reflect.Method.invoke", "b.jmh_generated.B_run_jmhTest.run_avgt");
        b.add(concat(stub, "b.B.run", "b.Codec.encode"), 60);
        b.add(concat(stub, "b.B.run", "b.Codec.hash"), 30);
        b.add(List.of("main", "app.Main.main", "app.Other.idle"), 10);
        RuleResult r = new CpuHotMethodsRule().evaluate(Inputs.profile(Inputs.cpu(b.build())));
        assertThat(r.evidence()).extracting(Evidence::quantity).containsExactly("self CPU share of b.Codec.encode",
                "self CPU share of b.Codec.hash", "self CPU share of app.Other.idle", "total CPU share of b.B.run",
                "total CPU share of b.Codec.encode", "total CPU share of b.Codec.hash");
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> s = new java.util.ArrayList<>(head);
        s.addAll(List.of(tail));
        return s;
    }
}
