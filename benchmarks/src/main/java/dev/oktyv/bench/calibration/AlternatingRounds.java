package dev.oktyv.bench.calibration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * A baseline and a treatment run back to back in rounds on the calling thread, for a ratio that a shared machine's
 * drift does not decide ({@link PairedRatios}). Each round records, per operation, the wall time and the calling
 * thread's CPU time: on a machine whose other users keep the cores busy the wall time mostly measures waiting for
 * the scheduler, while the CPU time is what the operation itself costs.
 */
public final class AlternatingRounds {

    @FunctionalInterface
    public interface Operation {
        Object run() throws Exception;
    }

    /** Nanoseconds per operation in each measured round (warm-up rounds dropped). */
    public record Result(List<Double> baselineWallNanos, List<Double> treatmentWallNanos,
                         List<Double> baselineCpuNanos, List<Double> treatmentCpuNanos) {

        public PairedRatios wall() {
            return PairedRatios.of(baselineWallNanos, treatmentWallNanos);
        }

        public PairedRatios cpu() {
            return PairedRatios.of(baselineCpuNanos, treatmentCpuNanos);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AlternatingRounds() {
    }

    /** {@code warmup} rounds first (dropped), then {@code rounds}; each half of a round runs for {@code millis}. */
    public static Result run(int warmup, int rounds, long millis, Operation baseline, Operation treatment)
            throws Exception {
        if (rounds < 1 || warmup < 0 || millis < 1) {
            throw new IllegalArgumentException("need rounds >= 1, warmup >= 0, millis >= 1; got rounds=" + rounds
                    + ", warmup=" + warmup + ", millis=" + millis);
        }
        List<Double> bWall = new ArrayList<>();
        List<Double> tWall = new ArrayList<>();
        List<Double> bCpu = new ArrayList<>();
        List<Double> tCpu = new ArrayList<>();
        for (int r = 0; r < warmup + rounds; r++) {
            double[] b = perOperation(millis, baseline);
            double[] t = perOperation(millis, treatment);
            if (r >= warmup) {
                bWall.add(b[0]);
                bCpu.add(b[1]);
                tWall.add(t[0]);
                tCpu.add(t[1]);
            }
        }
        return new Result(bWall, tWall, bCpu, tCpu);
    }

    public static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    /** {wall ns, CPU ns} per operation over about {@code millis}. */
    private static double[] perOperation(long millis, Operation op) throws Exception {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + millis * 1_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            op.run();
            n++;
        }
        long wall = System.nanoTime() - t0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        // A round too short for the CPU clock's granularity would divide zero; one nanosecond keeps the log finite.
        return new double[] {(double) wall / n, Math.max(1.0, (double) cpu / n)};
    }
}
