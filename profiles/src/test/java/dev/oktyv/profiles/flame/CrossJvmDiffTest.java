package dev.oktyv.profiles.flame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.profiles.ChildJvm;
import dev.oktyv.results.profile.EventKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two recordings of one workload ({@link LambdaWorkload}) in two JVMs must diff to almost nothing once frame names
 * are normalised, while a real change (one method made twice as slow) in a third JVM still shows, at that method.
 */
class CrossJvmDiffTest {

    private static final int SECONDS = 3;

    @TempDir
    static Path dir;
    static StackProfile first;
    static StackProfile second;
    static StackProfile slower;

    @BeforeAll
    static void record() throws Exception {
        first = recording("first.jfr", 1);
        second = recording("second.jfr", 1);
        slower = recording("slower.jfr", 2);
    }

    /** Only the workload's own thread: JFR's and the JIT's threads are not the workload. */
    private static StackProfile recording(String name, int factor) throws Exception {
        Path jfr = dir.resolve(name);
        // Interpreted (-Xint): the JIT compiles and inlines spin() differently in each JVM, which moved single frames'
        // shares by up to 10 points between runs (CI saw a proxied frame gain more than the slowed one). The hidden-
        // class, accessor and proxy names that the normaliser must fold are per JVM all the same.
        ChildJvm.run(List.of("-Xint", "-XX:StartFlightRecording:filename=" + jfr + ",settings=profile,"
                        + "jdk.ExecutionSample#period=1ms"),
                LambdaWorkload.class.getName(), 60, String.valueOf(SECONDS), String.valueOf(factor));
        return ProfileReader.read(jfr, EventKind.CPU, false)
                .filtered(StackFilter.of("LambdaWorkload\\.main", null, false));
    }

    @Test
    void theSameWorkloadInTwoJvmsDiffsToUnderTwoPercent() {
        assertThat(first.totalWeight()).as("samples in the first recording").isGreaterThan(500);
        ProfileDiff raw = ProfileDiff.of(first, second, FrameNormaliser.NONE);
        ProfileDiff d = ProfileDiff.of(first, second);
        System.out.printf(Locale.ROOT, "same workload, two JVMs (%d -> %d samples): new %.1f%%, only in base %.1f%% as"
                        + " recorded; new %.2f%%, only in base %.2f%% normalised%n", d.baseTotal(), d.newTotal(),
                raw.newShare() * 100, raw.removedShare() * 100, d.newShare() * 100, d.removedShare() * 100);
        assertThat(d.newShare()).as("share of the second run in frames the first lacks").isLessThan(0.02);
        assertThat(d.removedShare()).as("share of the first run in frames the second lacks").isLessThan(0.02);
        // The lambda, the accessor and the proxy are each one frame on both sides, holding about a quarter each.
        for (String frame : List.of("LambdaWorkload$$Lambda.applyAsLong", "GeneratedMethodAccessor.invoke",
                "$Proxy.step")) {
            List<ProfileDiff.Node> nodes = d.find(frame);
            assertThat(nodes).as(frame).isNotEmpty().allSatisfy(n -> assertThat(n.isNew()).isFalse());
            assertThat(nodes.stream().mapToLong(ProfileDiff.Node::weight).sum() / (double) d.newTotal())
                    .as("share of " + frame).isBetween(0.15, 0.35);
        }
    }

    @Test
    void aMethodMadeTwiceAsSlowShowsRedAtThatFrame() {
        ProfileDiff d = ProfileDiff.of(first, slower);
        List<ProfileDiff.Node> plain = d.find("LambdaWorkload.plain");
        assertThat(plain).hasSize(1);
        ProfileDiff.Node n = plain.get(0);
        System.out.printf(Locale.ROOT, "plain made 2x slower: share %+.1f points (new %.1f%%); new frames %.2f%%%n",
                n.deltaShare() * 100, 100.0 * n.weight() / d.newTotal(), d.newShare() * 100);
        assertThat(n.isNew()).isFalse();
        // 1/4 -> 2/5 of the work: +15 points expected; red in the graph is a positive change.
        assertThat(n.deltaShare()).isBetween(0.08, 0.22);
        // The red is at the right frame: the other three methods together lost share, and none gained anywhere
        // near as much (the JIT compiles each call site of the shared loop a little differently, so single
        // frames move by a point or two either way).
        double othersDelta = 0;
        for (String other : List.of("LambdaWorkload.inLambda", "LambdaWorkload.reflected", "LambdaWorkload.proxied")) {
            List<ProfileDiff.Node> nodes = d.find(other);
            assertThat(nodes).as(other).isNotEmpty();
            for (ProfileDiff.Node o : nodes) {
                assertThat(o.deltaShare()).as(other).isLessThan(n.deltaShare() - 0.05);
                othersDelta += o.deltaShare();
            }
        }
        assertThat(othersDelta).isNegative();
        assertThat(d.newShare()).isLessThan(0.02);
    }
}
