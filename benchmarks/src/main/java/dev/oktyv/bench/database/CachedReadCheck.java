package dev.oktyv.bench.database;

import dev.oktyv.bench.calibration.PairedRatios;
import dev.oktyv.system.cache.CacheConfig;
import dev.oktyv.system.cache.CacheCounts;
import dev.oktyv.system.database.ConnectionMode;
import dev.oktyv.system.database.PrimaryKeyCache;
import dev.oktyv.system.database.Select;
import dev.oktyv.system.database.Where;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.time.NanoClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link CachedPointQueryBenchmark}'s pair in alternating rounds on one thread (cached, then uncached, same key
 * distribution), so that a shared machine's drift moves both halves of each pair alike; reads per wall-second and
 * the ratio cached / uncached with a 95% interval ({@link PairedRatios}), plus the achieved hit ratio.
 * Usage: {@code java -cp oktyv-bench.jar dev.oktyv.bench.database.CachedReadCheck [hitPercent=90] [rounds=10]
 * [millis=300] [backend=h2|postgres]}; two warm-up rounds are discarded.
 */
public final class CachedReadCheck {

    private CachedReadCheck() {
    }

    public static void main(String[] args) {
        int hitPercent = args.length > 0 ? Integer.parseInt(args[0]) : 90;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long millis = args.length > 2 ? Long.parseLong(args[2]) : 300;
        String backend = args.length > 3 ? args[3] : "h2";
        try (BenchDatabase f = BenchDatabase.open(backend, ConnectionMode.POOLED)) {
            f.createItems();
            PrimaryKeyCache cache = new PrimaryKeyCache(f.db, f.items, BenchDatabase.ID, List.of(), CacheConfig.of("check",
                    Duration.ofHours(1), CachedPointQueryBenchmark.HOT_KEYS + 28), NanoClock.SYSTEM, new MetricsCollector());
            long[] cold = {0};
            List<Double> uncached = new ArrayList<>();
            List<Double> cached = new ArrayList<>();
            List<Double> uncachedCpu = new ArrayList<>();
            List<Double> cachedCpu = new ArrayList<>();
            for (int r = 0; r < rounds + 2; r++) {
                double[] c = perSecond(millis, () -> cache.find(key(hitPercent, cold)).value().isPresent());
                double[] u = perSecond(millis, () -> f.db.queryOne(Select.from(f.items)
                        .where(Where.eq(BenchDatabase.ID, key(hitPercent, cold))).build()).isPresent());
                if (r >= 2) {
                    cached.add(c[0]);
                    uncached.add(u[0]);
                    cachedCpu.add(c[1]);
                    uncachedCpu.add(u[1]);
                }
            }
            CacheCounts counts = cache.counts();
            PairedRatios ratio = PairedRatios.of(uncached, cached);
            PairedRatios cpu = PairedRatios.of(uncachedCpu, cachedCpu);
            // Both: per wall-second is what a caller sees (on PostgreSQL a miss waits for the server), per CPU-second
            // of the reading thread is what the cache costs or saves this process, and is less moved by neighbours.
            System.out.printf(Locale.ROOT, "%s, stated hit ratio %d%%, achieved %.1f%%: cached / uncached reads per wall-s"
                    + " %.2f× [%.2f×, %.2f×], per cpu-s %.2f× [%.2f×, %.2f×] (95%%, %d paired rounds of %d ms)%n", backend,
                    hitPercent, 100 * counts.hitRatio(), ratio.ratio(), ratio.low(), ratio.high(), cpu.ratio(), cpu.low(),
                    cpu.high(), ratio.rounds(), millis);
        }
    }

    private static long key(int hitPercent, long[] cold) {
        if (ThreadLocalRandom.current().nextInt(100) < hitPercent) {
            return ThreadLocalRandom.current().nextInt(CachedPointQueryBenchmark.HOT_KEYS);
        }
        return CachedPointQueryBenchmark.HOT_KEYS + Math.floorMod(cold[0]++, BenchDatabase.ROWS - CachedPointQueryBenchmark.HOT_KEYS);
    }

    @FunctionalInterface
    private interface Read {
        boolean found();
    }

    /** Reads per wall-second and per CPU-second of this thread. */
    private static double[] perSecond(long millis, Read read) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + millis * 1_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            if (!read.found()) {
                throw new IllegalStateException("row missing: the fixture is broken");
            }
            n++;
        }
        return new double[] {n / ((System.nanoTime() - t0) / 1e9), n / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9)};
    }
}
