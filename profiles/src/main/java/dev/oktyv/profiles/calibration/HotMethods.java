package dev.oktyv.profiles.calibration;

import java.time.Duration;

/**
 * A workload whose profile is known in advance: rounds of {@code aCalls} calls to {@link #a} and {@code bCalls}
 * calls to {@link #b}, which do the same fixed amount of arithmetic per call. With 4:1 calls, {@code a} takes 80%
 * of the cpu and {@code b} 20%, whatever the machine's speed or load, because the split is by work, not by time.
 * {@link #allocate} is the known allocation site. Runs in-process (tests) or as a child JVM ({@link #main}).
 */
public final class HotMethods {

    /** Iterations per call: about 10–30 µs on current hardware, long enough to be sampled, short enough to mix. */
    static final int WORK = 20_000;

    private static volatile long sink;
    private static volatile Object allocated;

    private HotMethods() {
    }

    public static long a(long x) {
        for (int i = 0; i < WORK; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }

    public static long b(long x) {
        for (int i = 0; i < WORK; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 31;
        }
        return x;
    }

    /** One round: {@code aCalls} × a, then {@code bCalls} × b. */
    public static long round(int aCalls, int bCalls, long seed) {
        long x = seed;
        for (int i = 0; i < aCalls; i++) {
            x = a(x);
        }
        for (int i = 0; i < bCalls; i++) {
            x = b(x);
        }
        return x;
    }

    /** The known allocation site: 16 KiB arrays (about 150 MB/s, enough for JFR TLAB-refill sampling to see it) that escape, so escape analysis cannot remove them. */
    public static Object allocate() {
        long[] buf = new long[2048];
        buf[0] = sink;
        allocated = buf;
        return buf;
    }

    /** Runs rounds (and an allocation per round) until {@code duration} has passed on the wall clock. */
    public static long runFor(Duration duration, int aCalls, int bCalls) {
        long end = System.nanoTime() + duration.toNanos();
        long x = 1;
        while (System.nanoTime() - end < 0) {
            x = round(aCalls, bCalls, x);
            allocate();
        }
        sink = x;
        return x;
    }

    /** {@code java ... HotMethods SECONDS [ACALLS BCALLS]}: the child JVM used by attach and plain-JFR tests. */
    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        int ac = args.length > 2 ? Integer.parseInt(args[1]) : 4;
        int bc = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        System.out.println("hot-methods running pid=" + ProcessHandle.current().pid());
        System.out.flush();
        runFor(Duration.ofSeconds(seconds), ac, bc);
    }
}
