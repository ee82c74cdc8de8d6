package dev.oktyv.profiles.flame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.profiles.ChildJvm;
import dev.oktyv.profiles.calibration.DeepStackRecording;
import dev.oktyv.results.profile.EventKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast reader on deep stacks over several chunks (each chunk names its stacks and frames afresh, and the
 * reader decodes stacks straight from the pool bytes and names frames once per chunk): identical to the JDK's
 * parser, stack for stack and weight for weight, for every profile kind it reads.
 */
class DeepStackReaderTest {

    @TempDir
    static Path dir;
    static Path deep;

    @BeforeAll
    static void record() throws Exception {
        deep = dir.resolve("deep.jfr");
        ChildJvm.run(List.of(DeepStackRecording.JVM_OPTIONS), DeepStackRecording.class.getName(), 180,
                deep.toString(), "2");
    }

    @Test
    void deepStacksOverSeveralChunksReadIdentically() throws Exception {
        assertThat(JfrChunks.scan(deep).completeChunks()).isGreaterThanOrEqualTo(2);
        for (EventKind kind : List.of(EventKind.CPU, EventKind.ALLOC, EventKind.WALL)) {
            FastStackReaderTest.assertSameAsJdk(deep, kind, false);
            FastStackReaderTest.assertSameAsJdk(deep, kind, true);
        }
    }

    @Test
    void theRecordingHasDeepSharedStacks() throws Exception {
        StackProfile cpu = JfrStackReader.read(deep, EventKind.CPU, false);
        // Deep: the workload samples 150 to 250 frames down; shared: fewer distinct stacks than samples.
        assertThat(cpu.stacks().keySet().stream().mapToInt(List::size).max().orElse(0)).isGreaterThan(150);
        assertThat((long) cpu.stacks().size()).isLessThan(cpu.totalWeight());
        assertThat(cpu.weightContaining("dev.oktyv.profiles.calibration.DeepStackRecording.leaf")).isPositive();
    }

    @Test
    void oneFrameNameIsOneInstanceAcrossChunks() throws Exception {
        JfrChunks chunks = JfrChunks.scan(deep);
        StackProfile cpu = FastStackReader.read(deep, chunks.completeBytes(), EventKind.CPU, false, "");
        java.util.Map<String, String> first = new java.util.HashMap<>();
        for (List<String> s : cpu.stacks().keySet()) {
            for (String f : s) {
                // Equal names from different chunks must be the same object: the identity test in STACK_ORDER
                // and the profile's memory both rely on it.
                assertThat(first.computeIfAbsent(f, x -> f)).isSameAs(f);
            }
        }
        assertThat(first).containsKey("dev.oktyv.profiles.calibration.DeepStackRecording.step");
    }
}
