package dev.oktyv.profiles.calibration;

import dev.oktyv.profiles.flame.JfrStackReader;
import dev.oktyv.profiles.flame.StackProfile;
import dev.oktyv.results.profile.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedStackTrace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast {@code flame} reads a deep-stack, multi-chunk recording ({@link DeepStackRecording}, generated once
 * per fork): {@code cpu} and {@code alloc} are the profiles {@code flame --event cpu|alloc} reads, and
 * {@code jdkParserCpu} is the reference, the JDK's own parser visiting the same execution samples and their
 * frames, as {@code jfr print --events jdk.ExecutionSample} does without printing. The goal is cpu and alloc
 * well under the reference, within the fork's {@code -Xmx512m}.
 *
 * <p>A fallback to the JDK's parser fails the benchmark rather than being measured as the fast reader.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {DeepStackRecording.JVM_OPTIONS, "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FlameDeepStackBenchmark {

    /** Size of the generated recording; at 1 MB chunks, also about its number of chunks. */
    @Param("4")
    public int megabytes;

    private Path file;

    @Setup(Level.Trial)
    public void record() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("oktyv-deep-");
        file = dir.resolve("deep.jfr");
        DeepStackRecording.record(file, megabytes * 1024L * 1024L);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.getParent());
    }

    @Benchmark
    public StackProfile cpu() throws IOException {
        return read(EventKind.CPU);
    }

    @Benchmark
    public StackProfile alloc() throws IOException {
        return read(EventKind.ALLOC);
    }

    @Benchmark
    public long jdkParserCpu() throws IOException {
        long[] frames = {0};
        try (EventStream es = EventStream.openFile(file)) {
            es.setOrdered(false);
            es.onEvent("jdk.ExecutionSample", e -> {
                RecordedStackTrace st = e.getStackTrace();
                if (st != null) {
                    st.getFrames().forEach(f -> frames[0] += f.getMethod().getName().length());
                }
            });
            es.start();
        }
        return frames[0];
    }

    private StackProfile read(EventKind kind) throws IOException {
        StackProfile p = JfrStackReader.read(file, kind, false, w -> {
            throw new IllegalStateException("measured the JDK parser, not the fast reader: " + w);
        });
        if (p.isEmpty()) {
            throw new IllegalStateException("the recording " + file + " has no " + kind.id() + " samples");
        }
        return p;
    }
}
