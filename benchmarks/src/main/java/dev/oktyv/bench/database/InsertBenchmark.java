package dev.oktyv.bench.database;

import dev.oktyv.system.database.ColumnValues;
import dev.oktyv.system.database.ConnectionMode;
import dev.oktyv.system.database.DatabaseEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Pair: {@code insertBatch} of 1,000 rows (one prepared statement, one JDBC batch, one transaction) vs 1,000
 * single {@code insert} calls (each its own auto-committed statement), at 1 and 4 threads. Score: rows per
 * second ({@code @OperationsPerInvocation(1000)}), so the two are directly comparable.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class InsertBenchmark {

    static final int ROWS = 1000;

    /** {@code h2} (in memory) or {@code postgres} (needs OKTYV_PG_URL), where batching also saves round trips. */
    @Param({"h2"})
    public String backend;

    private BenchDatabase fixture;
    private DatabaseEngine db;
    private final AtomicLong nextId = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
        fixture = BenchDatabase.open(backend, ConnectionMode.POOLED);
        fixture.createEvents();
        db = fixture.db;
    }

    /** Keeps the table (and for H2 the heap and GC) from growing across iterations. */
    @TearDown(Level.Iteration)
    public void truncate() {
        fixture.truncateEvents();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    private List<ColumnValues> rows() {
        long first = nextId.getAndAdd(ROWS);
        List<ColumnValues> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(ColumnValues.of(BenchDatabase.ID, first + i).with(BenchDatabase.NAME, "event")
                    .with(BenchDatabase.QTY, i));
        }
        return rows;
    }

    private int batch() {
        return db.insertBatch(fixture.events, rows());
    }

    private int singles() {
        int n = 0;
        for (ColumnValues row : rows()) {
            n += db.insert(fixture.events, row);
        }
        return n;
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(ROWS)
    public int insert1000Rows1ThreadBatched() {
        return batch();
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(ROWS)
    public int insert1000Rows1ThreadOneByOne() {
        return singles();
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(ROWS)
    public int insert1000Rows4ThreadsBatched() {
        return batch();
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(ROWS)
    public int insert1000Rows4ThreadsOneByOne() {
        return singles();
    }
}
