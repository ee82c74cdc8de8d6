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

/** Shared fixture of the database benchmarks: a private H2 in-memory database and its engine. */
final class BenchDatabase {

    static final Identifier ITEMS = Identifier.of("items");
    static final Identifier EVENTS = Identifier.of("events");
    static final Identifier ID = Identifier.of("id");
    static final Identifier NAME = Identifier.of("name");
    static final Identifier QTY = Identifier.of("qty");
    static final int ROWS = 10_000;

    private BenchDatabase() {
    }

    /**
     * DB_CLOSE_DELAY=-1 keeps the in-memory database alive while no connection is open; without it the
     * connection-per-query variant would create (and lose) an empty database on every query.
     */
    static DatabaseEngine open(ConnectionMode mode) {
        String url = "jdbc:h2:mem:bench" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        return DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl(url).mode(mode).maximumPoolSize(8)
                .connectionTimeout(Duration.ofSeconds(10)).build(), ref -> {
                    throw new IllegalStateException("benchmarks use no secrets, asked for " + ref);
                });
    }

    static void createItems(DatabaseEngine db) {
        db.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT PRIMARY KEY, {} VARCHAR(100), {} INT)", ITEMS, ID, NAME, QTY));
        List<ColumnValues> batch = new ArrayList<>(1000);
        for (int i = 0; i < ROWS; i++) {
            batch.add(ColumnValues.of(ID, (long) i).with(NAME, "item-" + i).with(QTY, i % 100));
            if (batch.size() == 1000) {
                db.insertBatch(ITEMS, batch);
                batch.clear();
            }
        }
    }

    /** No primary key: concurrent threads append without coordinating ids; the cost measured is the write path. */
    static void createEvents(DatabaseEngine db) {
        db.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT, {} VARCHAR(100), {} INT)", EVENTS, ID, NAME, QTY));
    }

    static void dropEvents(DatabaseEngine db) {
        db.execute(SqlTemplate.of("TRUNCATE TABLE {}", EVENTS));
    }
}
