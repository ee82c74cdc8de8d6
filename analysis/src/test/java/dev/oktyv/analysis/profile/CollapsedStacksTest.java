package dev.oktyv.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.oktyv.analysis.model.FrameHistogram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollapsedStacksTest {

    @TempDir
    Path dir;

    @Test
    void forksWithTheirOwnLambdaNamesAddUpToOneHotFrame() throws IOException {
        // Each fork is a JVM of its own: the same lambda has another counter and address in each.
        Path f1 = Files.writeString(dir.resolve("cpu-f1.collapsed"),
                "java/lang/Thread.run;a/W$$Lambda$165.0x0000000800c0d000.run_[j] 70\njava/lang/Thread.run;a/C.io 30\n");
        Path f2 = Files.writeString(dir.resolve("cpu-f2.collapsed"),
                "java/lang/Thread.run;a/W$$Lambda$171.0x0000000800c11000.run_[j] 70\njava/lang/Thread.run;a/C.io 30\n");
        FrameHistogram h = CollapsedStacks.read("cpu", List.of(f1, f2));
        // As recorded, the hot-method rule would see two lambdas at 35% each, under its 50% warning threshold.
        assertThat(h.topSelf(1).get(0).frame()).isEqualTo("a.W$$Lambda.run");
        assertThat(h.topSelf(1).get(0).share()).isCloseTo(0.7, within(1e-9));
        assertThat(h.self()).hasSize(2);
    }

    @Test
    void selfIsTheLeafTotalCountsEachFrameOncePerStackAndForksAddUp() throws IOException {
        Path f1 = Files.writeString(dir.resolve("cpu-f1.collapsed"),
                "java/lang/Thread.run;a/B.work_[j];a/B.hash_[j] 30\n"
                        + "java/lang/Thread.run;a/B.work_[j];a/B.work_[j] 10\n");
        Path f2 = Files.writeString(dir.resolve("cpu-f2.collapsed"), "java/lang/Thread.run;a/B.work;a/C.io 60\n\n");
        FrameHistogram h = CollapsedStacks.read("cpu", List.of(f1, f2));
        assertThat(h.total()).isEqualTo(100);
        assertThat(h.self()).containsEntry("a.B.hash", 30.0).containsEntry("a.B.work", 10.0).containsEntry("a.C.io", 60.0);
        // Recursion (work;work) counts once.
        assertThat(h.inclusive()).containsEntry("a.B.work", 100.0);
        assertThat(h.topSelf(1).get(0).frame()).isEqualTo("a.C.io");
        assertThat(h.topInclusive(5, 0.95)).extracting(FrameHistogram.FrameShare::frame).containsExactly("a.C.io", "a.B.hash");
        assertThat(h.inclusiveShareOf("B.hash")).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void malformedLineIsNamedWithItsFileAndLine() throws IOException {
        Path f = Files.writeString(dir.resolve("cpu-f1.collapsed"), "a;b 1\na;b many\n");
        assertThatThrownBy(() -> CollapsedStacks.read("cpu", List.of(f))).hasMessageContaining("cpu-f1.collapsed:2")
                .hasMessageContaining("'many'");
    }

    @Test
    void fractionalWeightsAreKeptAndTheFlameSideReadsTheSameFileRounded() throws IOException {
        Path f = Files.writeString(dir.resolve("wall-f1.collapsed"), "a;b 0.25\na;c 2.5\n");
        assertThat(CollapsedStacks.read("wall", List.of(f)).total()).isCloseTo(2.75, within(1e-12));
        assertThat(dev.oktyv.profiles.flame.CollapsedStacks.read(f, dev.oktyv.results.profile.EventKind.WALL)
                .totalWeight()).isEqualTo(3);
    }
}
