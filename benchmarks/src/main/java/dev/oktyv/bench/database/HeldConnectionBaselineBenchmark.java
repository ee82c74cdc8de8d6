package dev.oktyv.bench.database;

import dev.oktyv.system.database.ConnectionMode;
import dev.oktyv.system.database.Row;
import dev.oktyv.system.database.Select;
import dev.oktyv.system.database.Where;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The floor under the engine's point query, in the same run: {@code heldConnection1Thread} is plain JDBC on one
 * held connection with one prepared statement (no pool, no rendering, no {@code Row}), reading the same three
 * columns into locals; {@code engine1Thread} is the engine's pooled {@code queryOne} on the same fixture. Their
 * ratio is the engine's overhead over JDBC (goal: the engine at ≥ 0.8× of the floor). Not a variant pair: the
 * floor is not an option the engine could choose, it is what the engine adds cost to.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class HeldConnectionBaselineBenchmark {

    /** {@code h2} (in memory) or {@code postgres} (needs OKTYV_PG_URL). */
    @Param({"h2"})
    public String backend;

    private BenchDatabase fixture;
    private Connection held;
    private PreparedStatement query;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        fixture = BenchDatabase.open(backend, ConnectionMode.POOLED);
        fixture.createItems();
        held = DriverManager.getConnection(fixture.db.config().jdbcUrl());
        query = held.prepareStatement("SELECT * FROM " + fixture.items.quoted() + " WHERE "
                + BenchDatabase.ID.quoted() + " = ?");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        try {
            query.close();
            held.close();
        } finally {
            fixture.close();
        }
    }

    @Benchmark
    @Threads(1)
    public long heldConnection1Thread() throws SQLException {
        long id = ThreadLocalRandom.current().nextLong(BenchDatabase.ROWS);
        query.setLong(1, id);
        try (ResultSet rs = query.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("row " + id + " missing: the fixture is broken");
            }
            return rs.getLong(1) + rs.getString(2).length() + rs.getInt(3);
        }
    }

    @Benchmark
    @Threads(1)
    public Optional<Row> engine1Thread() {
        long id = ThreadLocalRandom.current().nextLong(BenchDatabase.ROWS);
        Optional<Row> row = fixture.db.queryOne(Select.from(fixture.items).where(Where.eq(BenchDatabase.ID, id)).build());
        if (row.isEmpty()) {
            throw new IllegalStateException("row " + id + " missing: the fixture is broken");
        }
        return row;
    }
}
