package dev.oktyv.profiles.calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.Recording;

/**
 * Writes a JFR file of deep stacks, like a javac or Maven build's: execution samples every millisecond and
 * allocation samples, taken 150 to 250 frames down a recursion whose path (which of four methods at each level)
 * comes from one of a few thousand seeds, so many samples share a stack and there are thousands of distinct,
 * deep stacks per chunk. The input for measuring {@code flame} on deep stacks
 * ({@code FlameDeepStackBenchmark}, {@code FastStackReaderTest}).
 *
 * <p>Stacks are only as deep as the JVM's JFR stack depth, and chunks only as small as its chunk size; both are
 * JVM options: {@code java -XX:FlightRecorderOptions:stackdepth=512,maxchunksize=1m -cp oktyv-bench.jar
 * dev.oktyv.profiles.calibration.DeepStackRecording OUT.jfr [MEGABYTES]} (default 100).
 */
public final class DeepStackRecording {

    /** The JVM options that make the stacks deep and the file several chunks; see the class comment. */
    public static final String JVM_OPTIONS = "-XX:FlightRecorderOptions:stackdepth=512,maxchunksize=1m";

    private static final int PATHS = 4096;
    private static volatile Object sink;

    private DeepStackRecording() {
    }

    public static void main(String[] args) throws Exception {
        RecordingTarget target = RecordingTarget.parse("DeepStackRecording", args, 100);
        long started = System.nanoTime();
        record(target.out(), target.bytes());
        System.out.printf("wrote %s: %d MB after %.1f s of recording%n", target.out(),
                target.out().toFile().length() >> 20, (System.nanoTime() - started) / 1e9);
    }

    /** Records the workload on two threads until the recording holds {@code bytes}, then writes it to {@code out}. */
    public static void record(Path out, long bytes) throws IOException, InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            r.enable("jdk.ObjectAllocationSample").with("throttle", "2000/s").withStackTrace();
            r.setToDisk(true);
            r.start();
            for (int t = 0; t < 2; t++) {
                int seed = t;
                Thread w = new Thread(() -> work(seed, stop), "deep-" + t);
                w.setDaemon(true);
                w.start();
                workers.add(w);
            }
            while (r.getSize() < bytes) {
                Thread.sleep(100);
            }
            stop.set(true);
            for (Thread w : workers) {
                w.join();
            }
            r.stop();
            r.dump(out);
        }
    }

    private static void work(int seed, AtomicBoolean stop) {
        long x = seed + 1;
        while (!stop.get()) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            long path = (x >>> 40) % PATHS;
            sink = step(path * 0x9E3779B97F4A7C15L, 150 + (int) (path % 101));
        }
    }

    /** One level down: the path's next two bits choose the method, so the path decides the whole stack. */
    private static Object step(long path, int depth) {
        if (depth == 0) {
            return leaf(path);
        }
        long next = Long.rotateRight(path, 2);
        return switch ((int) (path & 3)) {
            case 0 -> a(next, depth - 1);
            case 1 -> b(next, depth - 1);
            case 2 -> c(next, depth - 1);
            default -> d(next, depth - 1);
        };
    }

    private static Object a(long path, int depth) {
        return step(path, depth);
    }

    private static Object b(long path, int depth) {
        return step(path, depth);
    }

    private static Object c(long path, int depth) {
        return step(path, depth);
    }

    private static Object d(long path, int depth) {
        return step(path, depth);
    }

    /** Some work to be sampled in, and an allocation to be sampled at. */
    private static Object leaf(long path) {
        long h = path;
        for (int i = 0; i < 2000; i++) {
            h = h * 31 + i;
        }
        return new long[] {h, path};
    }
}
