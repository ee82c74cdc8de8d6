package dev.oktyv.bench.database;

import dev.oktyv.system.database.ConnectionMode;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.database.Row;
import dev.oktyv.system.database.Select;
import dev.oktyv.system.database.Where;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
 * Pair: point query by primary key through the HikariCP pool vs a new connection per query (the original's
 * behaviour), on H2 in memory (or PostgreSQL with {@code -p backend=postgres}), at 1 and 4 threads. Score: queries per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class PointQueryBenchmark {

    /**
     * {@code pooled} (HikariCP) or {@code baseline}, a new connection per query as the seed did. Named
     * {@code variant} so that {@code analyze} pairs the two and reports the measured gain (see VariantPairs).
     */
    @Param({"pooled", "baseline"})
    public String variant;

    /** {@code h2} (in memory) or {@code postgres} (needs OKTYV_PG_URL). */
    @Param({"h2"})
    public String backend;

    private BenchDatabase fixture;
    private DatabaseEngine db;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = BenchDatabase.open(backend, connectionMode(variant));
        fixture.createItems();
        db = fixture.db;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    static ConnectionMode connectionMode(String variant) {
        return switch (variant) {
            case "pooled" -> ConnectionMode.POOLED;
            case "baseline" -> ConnectionMode.CONNECTION_PER_QUERY;
            default -> throw new IllegalArgumentException("variant '" + variant + "' is not one of pooled, baseline");
        };
    }

    private Optional<Row> queryRandomId() {
        long id = ThreadLocalRandom.current().nextLong(BenchDatabase.ROWS);
        Optional<Row> row = db.queryOne(Select.from(fixture.items).where(Where.eq(BenchDatabase.ID, id)).build());
        if (row.isEmpty()) {
            throw new IllegalStateException("row " + id + " missing: the fixture is broken");
        }
        return row;
    }

    @Benchmark
    @Threads(1)
    public Optional<Row> pointQuery1Thread() {
        return queryRandomId();
    }

    @Benchmark
    @Threads(4)
    public Optional<Row> pointQuery4Threads() {
        return queryRandomId();
    }
}
