package dev.oktyv.bench.load.scenario.engine;

import dev.oktyv.bench.database.InMemoryH2;
import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.scenario.CacheSetting;
import dev.oktyv.bench.load.scenario.CachedReads;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.system.database.ColumnValues;
import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.database.Identifier;
import dev.oktyv.system.database.PrimaryKeyCache;
import dev.oktyv.system.database.Row;
import dev.oktyv.system.database.Select;
import dev.oktyv.system.database.SqlTemplate;
import dev.oktyv.system.database.Where;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.time.NanoClock;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Database query (seed: 100 concurrent): a point query by primary key through the Database engine on embedded H2 in
 * memory, with the engine's default pool (10 connections), so 100 workers also measure waiting for the pool. The
 * table is created and seeded in {@link #open()}, outside the measured time; closing shuts the database down.
 * With {@code --cache on} the reads go through the engine's {@link PrimaryKeyCache}, sized for every row and warmed
 * at set-up, so the measured reads no longer touch the pool.
 */
public final class DatabaseQueryScenario implements Scenario, CachedReads {

    public static final String ID = "database";
    static final int ROWS = 10_000;
    private static final Identifier TABLE = Identifier.of("load_items");
    private static final Identifier ID_COLUMN = Identifier.of("id");
    private static final Identifier NAME_COLUMN = Identifier.of("name");
    /** A fresh database per run: two runs in one JVM (stress steps, tests) never see each other's rows. */
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final CacheSetting cache;

    public DatabaseQueryScenario() {
        this(CacheSetting.OFF);
    }

    public DatabaseQueryScenario(CacheSetting cache) {
        this.cache = cache;
    }

    @Override
    public CacheSetting cache() {
        return cache;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "point query by primary key, embedded H2 in memory, " + ROWS + " rows, Database engine pool, "
                + cache.describe();
    }

    @Override
    public int defaultConcurrency() {
        return 100;
    }

    @Override
    public Target open() throws SQLException {
        String url = "jdbc:h2:mem:oktyv-load-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        DatabaseEngine engine = DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl(url).build(), NoSecrets.RESOLVER);
        try {
            engine.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT PRIMARY KEY, {} VARCHAR(32) NOT NULL)",
                    TABLE, ID_COLUMN, NAME_COLUMN));
            List<ColumnValues> rows = new ArrayList<>(ROWS);
            for (long id = 0; id < ROWS; id++) {
                rows.add(ColumnValues.of(ID_COLUMN, id).with(NAME_COLUMN, nameOf(id)));
            }
            engine.insertBatch(TABLE, rows);
        } catch (RuntimeException e) {
            InMemoryH2.closeAndDrop(engine, url);
            throw e;
        }
        PrimaryKeyCache cached = cache.config("load_database", ROWS).map(c -> new PrimaryKeyCache(engine, TABLE,
                ID_COLUMN, List.of(ID_COLUMN, NAME_COLUMN), c, NanoClock.SYSTEM, new MetricsCollector())).orElse(null);
        if (cached != null) {
            // Warmed outside the measured time: with uniform keys over 10,000 rows a short run would otherwise be
            // mostly misses (measured: 300-500 ops/s against 830-1,100 uncached), i.e. the cache's own cost, which
            // CachedPointQueryBenchmark's 0%-hit pair measures; this run shows the hit path under load.
            for (long id = 0; id < ROWS; id++) {
                cached.find(id);
            }
        }
        return new Target() {
            private final AtomicInteger sessions = new AtomicInteger();

            @Override
            public Session newSession() {
                // Each worker walks its own random sequence of keys: no two workers hammer one row in lockstep.
                SplittableRandom random = new SplittableRandom(sessions.incrementAndGet());
                return cached == null ? () -> query(engine, random.nextLong(ROWS))
                        : () -> {
                            long id = random.nextLong(ROWS);
                            return check(id, cached.find(id).value());
                        };
            }

            @Override
            public void close() throws SQLException {
                InMemoryH2.closeAndDrop(engine, url);
            }
        };
    }

    private static Outcome query(DatabaseEngine engine, long id) {
        return check(id, engine.queryOne(Select.from(TABLE).columns(ID_COLUMN, NAME_COLUMN)
                .where(Where.eq(ID_COLUMN, id)).build()));
    }

    private static Outcome check(long id, Optional<Row> row) {
        if (row.isEmpty()) {
            return WrongResult.of("row missing");
        }
        return nameOf(id).equals(row.get().getString(NAME_COLUMN.name())) ? Outcome.OK : WrongResult.of("other row");
    }

    private static String nameOf(long id) {
        return "item-" + id;
    }
}
