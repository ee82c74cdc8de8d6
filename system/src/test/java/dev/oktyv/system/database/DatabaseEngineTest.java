package dev.oktyv.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.time.ManualTime;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against real embedded H2, one private in-memory database per test. */
class DatabaseEngineTest {

    static final Identifier ITEMS = Identifier.of("items");
    static final Identifier ID = Identifier.of("id");
    static final Identifier NAME = Identifier.of("name");
    static final Identifier QTY = Identifier.of("qty");

    private final ManualTime time = new ManualTime();
    private DatabaseEngine db;

    @BeforeEach
    void open() {
        db = open(DatabaseConfig.builder().jdbcUrl(memUrl()).maximumPoolSize(2).build());
        db.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT PRIMARY KEY, {} VARCHAR(200), {} INT)",
                ITEMS, ID, NAME, QTY));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static String memUrl() {
        return "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    }

    private DatabaseEngine open(DatabaseConfig config) {
        return DatabaseEngine.open(config, new InMemorySecretResolver(), time, time, () -> 0.0);
    }

    static ColumnValues item(long id, String name, int qty) {
        return ColumnValues.of(ID, id).with(NAME, name).with(QTY, qty);
    }

    private static Select byId(long id) {
        return Select.from(ITEMS).where(Where.eq(ID, id)).build();
    }

    @Test
    void crudRoundTrip() {
        assertThat(db.insert(ITEMS, item(1, "apple", 3))).isEqualTo(1);
        assertThat(db.insertBatch(ITEMS, List.of(item(2, "pear", 5), item(3, "plum", 7), item(4, "fig", 9))))
                .isEqualTo(3);

        Row apple = db.queryOne(byId(1)).orElseThrow();
        assertThat(apple.getString("name")).isEqualTo("apple");
        assertThat(apple.getLong("qty")).isEqualTo(3);

        List<Row> page = db.query(Select.from(ITEMS).columns(ID, NAME).where(Where.of(QTY, Comparison.GE, 5))
                .orderBy(QTY, SortDirection.parse("desc")).limit(2).offset(1).build());
        assertThat(page).extracting(r -> r.getString("name")).containsExactly("plum", "pear");
        assertThat(page.get(0).columns()).containsExactly("id", "name");

        assertThat(db.update(ITEMS, ColumnValues.of(QTY, 30), Where.eq(ID, 3L))).isEqualTo(1);
        assertThat(db.queryOne(byId(3)).orElseThrow().getLong("qty")).isEqualTo(30);

        assertThat(db.delete(ITEMS, Where.eq(ID, 2L))).isEqualTo(1);
        assertThat(db.queryOne(byId(2))).isEmpty();
        assertThat(db.query(Select.from(ITEMS).build())).hasSize(3);
        assertThat(db.delete(ITEMS, Where.all())).isEqualTo(3);
    }

    @Test
    void queryOneRefusesSeveralRows() {
        db.insertBatch(ITEMS, List.of(item(1, "a", 1), item(2, "b", 1)));
        assertThatThrownBy(() -> db.queryOne(Select.from(ITEMS).where(Where.eq(QTY, 1)).build()))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("matched 2 rows");
    }

    @Test
    void queryOneCountsEveryMatchAndItsStatementStaysUsableOnThePooledAndTransactionPaths() {
        db.insertBatch(ITEMS, List.of(item(1, "a", 1), item(2, "b", 1), item(3, "c", 1), item(4, "d", 2)));
        Select byQty = Select.from(ITEMS).where(Where.eq(QTY, 1)).build();
        assertThatThrownBy(() -> db.queryOne(byQty)).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("queryOne on table 'items' matched 3 rows, expected at most 1");
        assertThatThrownBy(() -> db.transaction(tx -> tx.queryOne(byQty))).hasMessageContaining("matched 3 rows");
        // The same shape (and cached statement text) with other values, on the pool's connections after the failure.
        for (int round = 0; round < 3; round++) {
            assertThat(db.queryOne(Select.from(ITEMS).where(Where.eq(QTY, 2)).build()).orElseThrow().getString("name"))
                    .isEqualTo("d");
            assertThat(db.queryOne(Select.from(ITEMS).where(Where.eq(QTY, 9)).build())).isEmpty();
        }
        Optional<Row> inTx = db.transaction(tx -> tx.queryOne(Select.from(ITEMS).where(Where.eq(QTY, 2)).build()));
        assertThat(inTx.map(r -> r.getLong("id"))).contains(4L);
        List<Row> none = db.query(Select.from(ITEMS).where(Where.eq(QTY, 9)).build());
        assertThat(none).isEmpty();
        assertThat(db.query(byQty)).extracting(r -> r.getString("name")).containsExactly("a", "b", "c");
    }

    @Test
    void failedInsertBatchInsertsNothing() {
        db.insert(ITEMS, item(5, "existing", 1));
        assertThatThrownBy(() -> db.insertBatch(ITEMS, List.of(item(6, "new", 1), item(5, "duplicate", 1))))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("insertBatch on table 'items'")
                .hasMessageContaining("23505");
        assertThat(db.queryOne(byId(6))).as("batch is one transaction").isEmpty();
    }

    @Test
    void transactionCommitsWhenWorkReturns() {
        long n = db.transaction(tx -> {
            tx.insert(ITEMS, item(1, "a", 1));
            tx.update(ITEMS, ColumnValues.of(QTY, 2), Where.eq(ID, 1L));
            return tx.queryOne(byId(1)).orElseThrow().getLong("qty");
        });
        assertThat(n).isEqualTo(2);
        assertThat(db.queryOne(byId(1))).isPresent();
    }

    @Test
    void transactionRollsBackOnException() {
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.insert(ITEMS, item(1, "a", 1));
            tx.insert(ITEMS, item(2, "b", 1));
            throw new IllegalStateException("business rule violated");
        })).isInstanceOf(IllegalStateException.class).hasMessage("business rule violated");
        assertThat(db.query(Select.from(ITEMS).build())).isEmpty();
        assertThat(time.sleeps()).as("not a retryable failure").isEmpty();
    }

    @Test
    void serializationFailureIsRetriedWithJitteredExponentialBackoff() {
        AtomicInteger attempts = new AtomicInteger();
        String result = db.transaction(tx -> {
            tx.insert(ITEMS, item(attempts.get() + 10, "attempt", 1));
            if (attempts.incrementAndGet() <= 2) {
                throw new SQLException("could not serialize access", attempts.get() == 1 ? "40001" : "40P01");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        // jitter 0.0 -> "equal jitter" lower bound: half of 10 ms, then half of 20 ms.
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
        // the failed attempts were rolled back: only the third insert survived
        assertThat(db.query(Select.from(ITEMS).build())).extracting(r -> r.getLong("id")).containsExactly(12L);
    }

    @Test
    void retriesStopAfterThree() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.transaction(tx -> {
            attempts.incrementAndGet();
            throw new SQLException("deadlock detected", "40P01");
        })).isInstanceOf(DatabaseException.class).hasMessageContaining("after 4 attempts")
                .extracting(e -> ((DatabaseException) e).sqlState()).isEqualTo("40P01");
        assertThat(attempts).hasValue(4);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void backoffIsCappedAndJittered() {
        BackoffPolicy p = new BackoffPolicy(3, Duration.ofMillis(100), Duration.ofMillis(300));
        assertThat(p.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(p.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(75));
        assertThat(p.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(150)); // 400 capped to 300
        assertThat(p.backoff(10, 0.999)).isLessThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void poolExhaustionGivesBusyAfterTheConnectionTimeout() {
        DatabaseEngine one = open(DatabaseConfig.builder().jdbcUrl(memUrl()).maximumPoolSize(1)
                .connectionTimeout(Duration.ofMillis(250)).build());
        try {
            long start = System.nanoTime();
            // The transaction holds the only connection; the nested call must wait, then give up.
            assertThatThrownBy(() -> one.transaction(tx -> one.execute(SqlTemplate.of("SELECT 1"))))
                    .isInstanceOf(DatabaseBusyException.class)
                    .hasMessageContaining("all 1 pooled connections in use for 250 ms");
            // Bounded, not unbounded: generous ceiling for a loaded 2-core machine.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertThat(one.healthCheck().up()).as("pool recovers once the holder returns").isTrue();
        } finally {
            one.close();
        }
    }

    @Test
    void healthCheckReportsUpAndPool() {
        HealthStatus h = db.healthCheck();
        assertThat(h.up()).isTrue();
        assertThat(h.detail()).isEqualTo("ok");
        assertThat(h.pool()).isPresent();
        assertThat(h.pool().get().active()).isZero();
    }

    @Test
    void connectionPerQueryModeWorksWithoutAPool() {
        String url = memUrl();
        try (DatabaseEngine perQuery = open(DatabaseConfig.builder().jdbcUrl(url)
                .mode(ConnectionMode.CONNECTION_PER_QUERY).build())) {
            perQuery.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT PRIMARY KEY, {} VARCHAR(200), {} INT)",
                    ITEMS, ID, NAME, QTY));
            perQuery.insert(ITEMS, item(1, "x", 1));
            assertThat(perQuery.queryOne(byId(1))).isPresent();
            assertThat(perQuery.healthCheck().pool()).isEmpty();
        }
    }

    @Test
    void identifierInjectionIsRejected() {
        List<String> attacks = List.of("items; DROP TABLE items", "items\"--", "name) VALUES (1); --", "1abc", "",
                "a b", "items\u0000", "\"items\"", "a".repeat(64), "név");
        List<String> accepted = new ArrayList<>();
        for (String a : attacks) {
            try {
                Identifier.of(a);
                accepted.add(a);
            } catch (InvalidIdentifierException e) {
                assertThat(e.rejectedName()).isEqualTo(a);
                assertThat(e.getMessage()).doesNotContain("\u0000").contains("is not allowed");
            }
        }
        assertThat(accepted).isEmpty();
        assertThatThrownBy(() -> SortDirection.parse("ASC; DROP TABLE items"))
                .hasMessage("sort direction 'ASC; DROP TABLE items' must be ASC or DESC");
        assertThat(db.query(Select.from(ITEMS).build())).as("table still there").isEmpty();
    }

    @Test
    void hostileValuesAreStoredLiterallyAsParameters() {
        String hostile = "x'); DROP TABLE \"items\"; --";
        db.insert(ITEMS, item(1, hostile, 1));
        assertThat(db.queryOne(Select.from(ITEMS).where(Where.eq(NAME, hostile)).build()).orElseThrow()
                .getLong("id")).isEqualTo(1);
        assertThatThrownBy(() -> Select.from(ITEMS).limit(-1).build()).hasMessageContaining("limit must be >= 0, was -1");
    }

    @Test
    void insertBatcherWritesThroughTheEngine() throws Exception {
        List<java.util.concurrent.CompletableFuture<Void>> fs = new ArrayList<>();
        try (var b = db.insertBatcher(ITEMS, new dev.oktyv.system.batch.BatcherConfig(3, Duration.ofHours(1)),
                (delay, task) -> () -> { })) { // a timer that never fires: only size and close flush here
            for (int i = 1; i <= 4; i++) {
                fs.add(b.submit(item(i, "n" + i, i)));
            }
            assertThat(fs.subList(0, 3)).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
            assertThat(fs.get(3)).isNotDone();
            fs.add(b.submit(item(1, "duplicate key", 0)));
        }
        // close flushed [4, duplicate 1]: that batch failed as a whole and both futures say so
        assertThat(fs.get(3)).isCompletedExceptionally();
        assertThat(fs.get(4)).isCompletedExceptionally();
        assertThat(db.query(Select.from(ITEMS).build())).hasSize(3);
    }
}
