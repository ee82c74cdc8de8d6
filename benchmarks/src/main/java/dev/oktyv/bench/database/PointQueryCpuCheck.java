package dev.oktyv.bench.database;

import dev.oktyv.system.database.ConnectionMode;
import dev.oktyv.system.database.Select;
import dev.oktyv.system.database.Where;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Companion to {@link PointQueryBenchmark} for shared machines: one thread runs point queries and reports both
 * queries per wall-second (what JMH reports, and what other tenants' load depresses) and queries per CPU-second
 * of that thread (close to what an idle core would do). Usage: {@code java -cp oktyv-bench.jar
 * dev.oktyv.bench.database.PointQueryCpuCheck [seconds=3]}; it warms up for the same time first.
 */
public final class PointQueryCpuCheck {

    private PointQueryCpuCheck() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 3;
        double pooled = 0;
        for (ConnectionMode mode : ConnectionMode.values()) {
            try (BenchDatabase f = BenchDatabase.open("h2", mode)) {
                f.createItems();
                run(f, seconds);                       // warm-up, discarded
                double[] r = run(f, seconds);
                System.out.printf(Locale.ROOT, "%-21s %10.0f queries/wall-s %10.0f queries/cpu-s%n", mode, r[0], r[1]);
                if (mode == ConnectionMode.POOLED) {
                    pooled = r[1];
                } else {
                    System.out.printf(Locale.ROOT, "pooled / connection-per-query (cpu-s): %.1fx%n", pooled / r[1]);
                }
            }
        }
    }

    private static double[] run(BenchDatabase f, long seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        long n = 0;
        while ((n & 63) != 0 || System.nanoTime() < end) {
            long id = ThreadLocalRandom.current().nextLong(BenchDatabase.ROWS);
            if (f.db.queryOne(Select.from(f.items).where(Where.eq(BenchDatabase.ID, id)).build()).isEmpty()) {
                throw new IllegalStateException("row " + id + " missing");
            }
            n++;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return new double[] {n / wall, n / cpu};
    }
}
