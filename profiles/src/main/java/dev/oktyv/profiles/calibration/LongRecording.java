package dev.oktyv.profiles.calibration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.Recording;

/**
 * Writes a large JFR file by recording, for as long as it takes, a workload that allocates many small objects
 * along a few dozen distinct stacks: the input for measuring how long {@code flame} takes on a 100 MB recording.
 *
 * <p>It records every TLAB refill and every allocation outside a TLAB with its stack (the JDK's heaviest
 * allocation events, which async-profiler also uses), plus cpu samples every 10 ms. Run it with small fixed TLABs
 * so refills, and so events, are frequent:
 * {@code java -XX:TLABSize=4k -XX:-ResizeTLAB -cp oktyv-bench.jar dev.oktyv.profiles.calibration.LongRecording
 * OUT.jfr [MEGABYTES]} (default 100). The file is a sequence of chunks (JFR rotates them at about 12 MB), as any
 * long recording is.
 */
public final class LongRecording {

    private static volatile Object sink;

    private LongRecording() {
    }

    public static void main(String[] args) throws Exception {
        RecordingTarget target = RecordingTarget.parse("LongRecording", args, 100);
        Path out = target.out();
        long targetBytes = target.bytes();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
            r.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            r.setToDisk(true);
            r.start();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                Thread w = new Thread(() -> work(seed, stop), "allocator-" + t);
                w.setDaemon(true);
                w.start();
                workers.add(w);
            }
            long started = System.nanoTime();
            while (r.getSize() < targetBytes) {
                Thread.sleep(200);
            }
            stop.set(true);
            for (Thread w : workers) {
                w.join();
            }
            r.stop();
            r.dump(out);
            System.out.printf("wrote %s: %d MB after %.1f s of recording%n", out, out.toFile().length() >> 20,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private static void work(int seed, AtomicBoolean stop) {
        long x = seed;
        while (!stop.get()) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            int pick = (int) ((x >>> 33) % 6);
            sink = switch (pick) {
                case 0 -> strings(x, 3 + (int) (x & 3));
                case 1 -> maps(x, 2 + (int) (x & 7));
                case 2 -> bytes(x, 1 + (int) (x & 15));
                case 3 -> lists(x, 4);
                case 4 -> large(x);
                default -> nested(x, 1 + (int) (x & 7));
            };
        }
    }

    private static Object strings(long x, int depth) {
        return depth == 0 ? Long.toString(x) + "-" + Long.toHexString(~x) : strings(x + 1, depth - 1);
    }

    private static Object maps(long x, int depth) {
        if (depth > 0) {
            return maps(x ^ depth, depth - 1);
        }
        Map<Long, String> m = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            m.put(x + i, "v" + i);
        }
        return m;
    }

    private static Object bytes(long x, int depth) {
        return depth == 0 ? new byte[64 + (int) (x & 255)] : bytes(x, depth - 1);
    }

    private static Object lists(long x, int n) {
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new long[] {x, i});
        }
        return l;
    }

    /** Larger than a 4 KiB TLAB: an allocation outside the TLAB. */
    private static Object large(long x) {
        return new long[1024 + (int) (x & 511)];
    }

    private static Object nested(long x, int depth) {
        return depth == 0 ? new Object[] {new StringBuilder().append(x), new int[4]} : nested(x * 31, depth - 1);
    }
}
