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
 * The floor under the engine's point query, in the same run, as a variant pair that {@code analyze} reads
 * ({@code variant=engine|baseline}, see VariantPairs): {@code baseline} is plain JDBC on one held connection with
 * one prepared statement (no pool, no rendering, no {@code Row}), reading the same three columns into locals;
 * {@code engine} is the engine's pooled {@code queryOne} on the same fixture. The paired ratio is the engine's
 * throughput as a fraction of the floor (goal ≥ 0.8×); below 1× is expected, so {@code analyze} reporting the
 * engine as "not faster than its baseline" is the measurement, not advice to drop the engine.
 * {@link EngineOverheadCheck} measures the same ratio per CPU-second in alternating rounds.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class HeldConnectionBaselineBenchmark {

    /** {@code engine} (pooled {@code queryOne}) or {@code baseline} (held connection, plain JDBC). */
    @Param({"engine", "baseline"})
    public String variant;

    /** {@code h2} (in memory) or {@code postgres} (needs OKTYV_PG_URL). */
    @Param({"h2"})
    public String backend;

    private BenchDatabase fixture;
    private Connection held;
    private PreparedStatement query;
    private boolean engine;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        engine = switch (variant) {
            case "engine" -> true;
            case "baseline" -> false;
            default -> throw new IllegalArgumentException("variant '" + variant + "' is not one of engine, baseline");
        };
        fixture = BenchDatabase.open(backend, ConnectionMode.POOLED);
        fixture.createItems();
        held = DriverManager.getConnection(fixture.db.config().jdbcUrl());
        query = held.prepareStatement(heldQuerySql(fixture));
    }

    /** The text the engine renders for the same point query, so that both variants run the same statement. */
    static String heldQuerySql(BenchDatabase f) {
        return "SELECT * FROM " + f.items.quoted() + " WHERE " + BenchDatabase.ID.quoted() + " = ?";
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
    public long pointQuery1Thread() throws SQLException {
        long id = ThreadLocalRandom.current().nextLong(BenchDatabase.ROWS);
        return engine ? engineQuery(fixture, id) : heldQuery(query, id);
    }

    /** Plain JDBC: bind, execute, read the three columns. */
    static long heldQuery(PreparedStatement ps, long id) throws SQLException {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("row " + id + " missing: the fixture is broken");
            }
            return rs.getLong(1) + rs.getString(2).length() + rs.getInt(3);
        }
    }

    /** The engine: build the {@code Select}, pooled {@code queryOne}, read the same three columns from the row. */
    static long engineQuery(BenchDatabase f, long id) {
        Optional<Row> found = f.db.queryOne(Select.from(f.items).where(Where.eq(BenchDatabase.ID, id)).build());
        if (found.isEmpty()) {
            throw new IllegalStateException("row " + id + " missing: the fixture is broken");
        }
        Row row = found.get();
        return row.getLong("id") + row.getString("name").length() + row.getLong("qty");
    }
}
