package dev.oktyv.bench.database;

import dev.oktyv.system.database.ColumnValues;
import dev.oktyv.system.database.ConnectionMode;
import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.database.Identifier;
import dev.oktyv.system.database.SqlTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fixture of the database benchmarks: an engine on a private H2 in-memory database ({@code h2}, the default) or
 * on the PostgreSQL named by {@code OKTYV_PG_URL} ({@code -p backend=postgres}), with uniquely named tables that
 * {@link #close()} drops.
 */
final class BenchDatabase implements AutoCloseable {

    static final Identifier ID = Identifier.of("id");
    static final Identifier NAME = Identifier.of("name");
    static final Identifier QTY = Identifier.of("qty");
    static final int ROWS = 10_000;

    final DatabaseEngine db;
    final Identifier items;
    final Identifier events;

    private BenchDatabase(DatabaseEngine db, String suffix) {
        this.db = db;
        this.items = Identifier.of("bench_items_" + suffix);
        this.events = Identifier.of("bench_events_" + suffix);
    }

    /**
     * For H2, DB_CLOSE_DELAY=-1 keeps the in-memory database alive while no connection is open; without it the
     * connection-per-query variant would create (and lose) an empty database on every query.
     */
    static BenchDatabase open(String backend, ConnectionMode mode) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url = switch (backend) {
            case "h2" -> "jdbc:h2:mem:bench" + suffix + ";DB_CLOSE_DELAY=-1";
            case "postgres" -> {
                String pg = System.getenv("OKTYV_PG_URL");
                if (pg == null || pg.isBlank()) {
                    throw new IllegalStateException("backend=postgres needs OKTYV_PG_URL, e.g. "
                            + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
                }
                yield pg;
            }
            default -> throw new IllegalArgumentException("backend '" + backend + "' must be h2 or postgres");
        };
        DatabaseEngine db = DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl(url).mode(mode).maximumPoolSize(8)
                .connectionTimeout(Duration.ofSeconds(10)).build(), ref -> {
                    throw new IllegalStateException("benchmarks use no secrets, asked for " + ref);
                });
        return new BenchDatabase(db, suffix);
    }

    void createItems() {
        db.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT PRIMARY KEY, {} VARCHAR(100), {} INT)", items, ID, NAME, QTY));
        List<ColumnValues> batch = new ArrayList<>(1000);
        for (int i = 0; i < ROWS; i++) {
            batch.add(ColumnValues.of(ID, (long) i).with(NAME, "item-" + i).with(QTY, i % 100));
            if (batch.size() == 1000) {
                db.insertBatch(items, batch);
                batch.clear();
            }
        }
    }

    /** No primary key: concurrent threads append without coordinating ids; the cost measured is the write path. */
    void createEvents() {
        db.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT, {} VARCHAR(100), {} INT)", events, ID, NAME, QTY));
    }

    void truncateEvents() {
        db.execute(SqlTemplate.of("TRUNCATE TABLE {}", events));
    }

    @Override
    public void close() {
        try {
            db.execute(SqlTemplate.of("DROP TABLE IF EXISTS {}", items));
            db.execute(SqlTemplate.of("DROP TABLE IF EXISTS {}", events));
        } finally {
            db.close();
        }
    }
}
