package dev.oktyv.bench.database;

import dev.oktyv.system.cache.CacheConfig;
import dev.oktyv.system.cache.CacheCounts;
import dev.oktyv.system.database.ConnectionMode;
import dev.oktyv.system.database.PrimaryKeyCache;
import dev.oktyv.system.database.Row;
import dev.oktyv.system.database.Select;
import dev.oktyv.system.database.Where;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.time.NanoClock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Pair: point read by primary key through {@link PrimaryKeyCache} ({@code variant=cached}) vs the engine's
 * uncached point query ({@code variant=baseline}), same key sequence, one thread. Score: reads per second.
 *
 * <p>The hit ratio is stated, not hoped for: {@code hitPercent} of the reads go to a hot set of {@value #HOT_KEYS}
 * rows that fits in the cache, the rest walk the other rows in a cycle far longer than the cache is large, so a
 * cold read is a miss (Caffeine's frequency-based admission also keeps the one-off cold keys from displacing hot
 * ones). {@code hitPercent=0} shows the cache's own cost: every read pays the lookup, the load and an eviction.
 * The achieved hit ratio is checked at the end of the trial; a trial that missed the stated one by more than
 * 5 points fails instead of reporting a number for a different workload.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class CachedPointQueryBenchmark {

    static final int HOT_KEYS = 100;

    @Param({"cached", "baseline"})
    public String variant;

    /** Share of reads that go to the hot keys, in percent. */
    @Param({"90", "0"})
    public int hitPercent;

    /** {@code h2} (in memory) or {@code postgres} (needs OKTYV_PG_URL), where a miss costs a network round trip. */
    @Param({"h2"})
    public String backend;

    private BenchDatabase fixture;
    private PrimaryKeyCache cache;
    private final AtomicLong coldCursor = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
        if (!variant.equals("cached") && !variant.equals("baseline")) {
            throw new IllegalArgumentException("variant '" + variant + "' is not one of cached, baseline");
        }
        fixture = BenchDatabase.open(backend, ConnectionMode.POOLED);
        fixture.createItems();
        cache = new PrimaryKeyCache(fixture.db, fixture.items, BenchDatabase.ID, List.of(), CacheConfig.of("bench",
                Duration.ofHours(1), HOT_KEYS + 28), NanoClock.SYSTEM, new MetricsCollector());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            if (variant.equals("cached")) {
                CacheCounts c = cache.counts();
                double achieved = 100 * c.hitRatio();
                System.out.printf(Locale.ROOT, "%ncache: %d hits, %d misses, %d evictions: hit ratio %.1f%% (stated %d%%)%n",
                        c.hits(), c.misses(), c.evictions(), achieved, hitPercent);
                if (Math.abs(achieved - hitPercent) > 5) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "achieved hit ratio %.1f%% is not the stated %d%%: the fixture is broken", achieved, hitPercent));
                }
            }
        } finally {
            fixture.close();
        }
    }

    private long nextKey() {
        if (ThreadLocalRandom.current().nextInt(100) < hitPercent) {
            return ThreadLocalRandom.current().nextInt(HOT_KEYS);
        }
        return HOT_KEYS + Math.floorMod(coldCursor.getAndIncrement(), BenchDatabase.ROWS - HOT_KEYS);
    }

    @Benchmark
    @Threads(1)
    public Optional<Row> pointRead1Thread() {
        long id = nextKey();
        Optional<Row> row = variant.equals("cached") ? cache.find(id).value()
                : fixture.db.queryOne(Select.from(fixture.items).where(Where.eq(BenchDatabase.ID, id)).build());
        if (row.isEmpty()) {
            throw new IllegalStateException("row " + id + " missing: the fixture is broken");
        }
        return row;
    }
}
