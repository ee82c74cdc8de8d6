package dev.oktyv.bench.files;

import dev.oktyv.bench.calibration.AlternatingRounds;
import dev.oktyv.bench.calibration.PairedRatios;
import java.util.Locale;

/**
 * The cost of confinement for one small read, in alternating rounds on one thread ({@link AlternatingRounds}): the
 * File engine's read and a plain NIO read of the same page-cached file, back to back, as in
 * {@link FileReadBenchmark}. Reports both the wall-time and the thread-CPU-time ratio, engine over plain: on a shared
 * machine the CPU ratio is the engine's own cost, the wall ratio adds the scheduler's. Usage: {@code java -cp
 * oktyv-bench.jar dev.oktyv.bench.files.FileReadOverheadCheck [sizeBytes=4096] [rounds=10] [millis=500]}; two
 * warm-up rounds are discarded.
 */
public final class FileReadOverheadCheck {

    private FileReadOverheadCheck() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long millis = args.length > 2 ? Long.parseLong(args[2]) : 500;
        FileReadBenchmark confined = fixture("confined", size);
        FileReadBenchmark plain = fixture("baseline", size);
        try {
            AlternatingRounds.Result r = AlternatingRounds.run(2, rounds, millis, plain::read, confined::read);
            System.out.printf(Locale.ROOT, "%d B read: plain NIO %.0f reads/s, engine %.0f reads/s (wall, medians);"
                            + " CPU per read: plain %.2f µs, engine %.2f µs (medians)%n", size,
                    1e9 / AlternatingRounds.median(r.baselineWallNanos()),
                    1e9 / AlternatingRounds.median(r.treatmentWallNanos()),
                    AlternatingRounds.median(r.baselineCpuNanos()) / 1e3,
                    AlternatingRounds.median(r.treatmentCpuNanos()) / 1e3);
            print("wall time", r.wall(), millis);
            print("CPU time", r.cpu(), millis);
        } finally {
            confined.tearDown();
            plain.tearDown();
        }
    }

    private static FileReadBenchmark fixture(String variant, int size) {
        FileReadBenchmark b = new FileReadBenchmark();
        b.variant = variant;
        b.sizeBytes = size;
        b.setUp();
        return b;
    }

    private static void print(String what, PairedRatios ratio, long millis) {
        System.out.printf(Locale.ROOT, "engine / plain, %s per read: %.2f× [%.2f×, %.2f×] (95%%, %d paired rounds of %d ms)%n",
                what, ratio.ratio(), ratio.low(), ratio.high(), ratio.rounds(), millis);
    }
}
