package dev.oktyv.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs against a real PostgreSQL when {@code OKTYV_PG_URL} is set (CI: {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); skipped with a message otherwise. Each run uses its own
 * table and drops it afterwards.
 */
class PostgresIntegrationTest {

    private static final String ENV = "OKTYV_PG_URL";
    private static final Identifier ID = Identifier.of("id");
    private static final Identifier NAME = Identifier.of("name");
    private static final Identifier QTY = Identifier.of("qty");

    private final Identifier table = Identifier.of("oktyv_it_" + UUID.randomUUID().toString().replace("-", ""));
    private DatabaseEngine db;

    @BeforeEach
    void open() {
        String url = System.getenv(ENV);
        assumeTrue(url != null && !url.isBlank(), ENV + " is not set: skipping the PostgreSQL integration test");
        db = DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl(url).maximumPoolSize(4)
                .connectionTimeout(Duration.ofSeconds(5)).build(), ref -> {
                    throw new AssertionError("no vault reference configured, none should be resolved: " + ref);
                });
        db.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT PRIMARY KEY, {} VARCHAR(200), {} INT)",
                table, ID, NAME, QTY));
    }

    @AfterEach
    void dropTable() {
        if (db != null) {
            try {
                db.execute(SqlTemplate.of("DROP TABLE IF EXISTS {}", table));
            } finally {
                db.close();
            }
        }
    }

    @Test
    void crudTransactionsAndBatchOnPostgres() {
        List<ColumnValues> rows = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            rows.add(ColumnValues.of(ID, (long) i).with(NAME, "n" + i).with(QTY, i % 7));
        }
        assertThat(db.insertBatch(table, rows)).isEqualTo(500);
        assertThat(db.query(Select.from(table).where(Where.eq(QTY, 3)).orderBy(ID, SortDirection.DESC)
                .limit(2).offset(1).build())).extracting(r -> r.getLong("id")).containsExactly(493L, 486L);

        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.update(table, ColumnValues.of(NAME, "changed"), Where.all());
            throw new IllegalStateException("abort");
        })).hasMessage("abort");
        assertThat(db.query(Select.from(table).where(Where.eq(NAME, "changed")).build())).isEmpty();

        assertThat(db.update(table, ColumnValues.of(NAME, "x'; DROP TABLE " + table.quoted() + "; --"),
                Where.eq(ID, 1L))).isEqualTo(1);
        assertThat(db.delete(table, Where.of(ID, Comparison.GT, 250L))).isEqualTo(250);
        assertThat(db.query(Select.from(table).build())).hasSize(250);
        assertThat(db.healthCheck().up()).isTrue();
    }

    /**
     * Write skew under SERIALIZABLE: two transactions each read the sum and insert a row. PostgreSQL aborts one
     * with 40001; the engine retries it, and both inserts end up committed. A latch forces the overlap on the
     * first attempts, so the conflict is certain rather than timing-dependent.
     */
    @Test
    void serializationFailureOnPostgresIsRetried() throws Exception {
        db.insert(table, ColumnValues.of(ID, 0L).with(NAME, "seed").with(QTY, 1));
        CountDownLatch bothRead = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (long writer = 1; writer <= 2; writer++) {
                long id = writer;
                results.add(pool.submit(() -> db.transaction(IsolationLevel.SERIALIZABLE, tx -> {
                    attempts.incrementAndGet();
                    int sum = tx.query(Select.from(table).build()).stream().mapToInt(r -> (int) r.getLong("qty")).sum();
                    bothRead.countDown();
                    bothRead.await(10, TimeUnit.SECONDS);
                    return tx.insert(table, ColumnValues.of(ID, id).with(NAME, "writer").with(QTY, sum));
                })));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts.get()).as("one writer was aborted with 40001 and retried").isGreaterThanOrEqualTo(3);
        assertThat(db.query(Select.from(table).build())).hasSize(3);
    }
}
