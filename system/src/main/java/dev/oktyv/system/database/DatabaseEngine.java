package dev.oktyv.system.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.oktyv.system.batch.Batcher;
import dev.oktyv.system.batch.BatcherConfig;
import dev.oktyv.system.batch.BatchTimer;
import dev.oktyv.system.secret.SecretResolver;
import dev.oktyv.system.time.NanoClock;
import dev.oktyv.system.time.Sleeper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The Database engine: JDBC through HikariCP, on embedded H2 by default or PostgreSQL by URL. Every statement
 * is a {@code PreparedStatement}; names reach SQL only as {@link Identifier}s. Thread-safe.
 */
public final class DatabaseEngine implements AutoCloseable {

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final DatabaseConfig config;
    private final DataSource connections;
    private final HikariDataSource pool;
    private final TransactionRunner transactions;
    private final ConnectionRetrier retrier;
    private final NanoClock nanoClock;
    /** Null without a pool: a connection per query has nothing to keep statements on. */
    private final StatementCache statements;
    /** Made once: {@code this::acquireOnce} at each call would be a new object per query. */
    private final Supplier<Connection> acquireOnce = this::acquireOnce;
    /**
     * The reads, made once and given the {@code Select} as an argument: a lambda capturing the {@code Select} was
     * a new object per query, and its allocation showed in the point query's CPU profile (1.3% of the samples).
     */
    private final ConnectionCall<Select, List<Row>> query;
    private final ConnectionCall<Select, Optional<Row>> queryOne;

    private DatabaseEngine(DatabaseConfig config, DataSource connections, Sleeper sleeper, NanoClock nanoClock,
                           DoubleSupplier jitter) {
        this.config = config;
        this.connections = connections;
        this.pool = connections instanceof HikariDataSource h ? h : null;
        this.statements = pool != null ? new StatementCache(config.maximumPoolSize()) : null;
        StatementCache cache = statements;
        this.query = cache != null ? (c, select) -> JdbcOperations.query(c, select, cache) : JdbcOperations::query;
        this.queryOne = cache != null ? (c, select) -> JdbcOperations.queryOne(c, select, cache)
                : JdbcOperations::queryOne;
        this.nanoClock = nanoClock;
        this.retrier = new ConnectionRetrier(config.connectionRetry(), sleeper, jitter);
        this.transactions = new TransactionRunner(config.retry(), sleeper, jitter, this::acquire);
    }

    /** Opens with the system sleeper/clock and thread-local random jitter. */
    public static DatabaseEngine open(DatabaseConfig config, SecretResolver resolver) {
        return open(config, resolver, Sleeper.SYSTEM, NanoClock.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Opens the engine. In pooled mode the pool opens one connection at once, so bad URLs and credentials fail
     * here, with a redacted {@link DatabaseConnectionException}.
     *
     * @param jitter values in [0, 1) for the retry backoff jitter
     */
    public static DatabaseEngine open(DatabaseConfig config, SecretResolver resolver, Sleeper sleeper,
                                      NanoClock nanoClock, DoubleSupplier jitter) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(resolver, "resolver");
        CredentialDataSource physical = new CredentialDataSource(config.jdbcUrl(), config.username(),
                config.password(), resolver, DriverTimeouts.of(config));
        if (config.mode() == ConnectionMode.CONNECTION_PER_QUERY) {
            return new DatabaseEngine(config, physical, sleeper, nanoClock, jitter);
        }
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("oktyv-db-" + POOL_NUMBER.incrementAndGet());
        hc.setDataSource(physical);
        hc.setMaximumPoolSize(config.maximumPoolSize());
        // Below the maximum so that idleTimeout has something to act on; HikariCP grows the pool on demand.
        hc.setMinimumIdle(Math.min(2, config.maximumPoolSize()));
        hc.setConnectionTimeout(config.connectionTimeout().toMillis());
        hc.setIdleTimeout(config.idleTimeout().toMillis());
        // HikariCP requires validationTimeout < connectionTimeout, or it silently substitutes its own.
        hc.setValidationTimeout(Math.max(250, Math.min(5_000, config.connectionTimeout().toMillis() - 1)));
        hc.setExceptionOverride(new ConnectionLossEviction());
        try {
            return new DatabaseEngine(config, new HikariDataSource(hc), sleeper, nanoClock, jitter);
        } catch (RuntimeException e) {
            // HikariCP's PoolInitializationException wraps the (already redacted) exception of CredentialDataSource.
            Throwable root = e.getCause() != null ? e.getCause() : e;
            String state = root instanceof SQLException s ? s.getSQLState() : null;
            throw new DatabaseConnectionException("cannot open database pool for " + JdbcUrls.redact(config.jdbcUrl())
                    + ": " + JdbcUrls.redact(String.valueOf(root.getMessage()), config.jdbcUrl()), state);
        }
    }

    public DatabaseConfig config() {
        return config;
    }

    /** Called before each wait to retry getting a connection ({@link DatabaseConfig#connectionRetry()}). */
    public void onConnectionRetry(Consumer<ConnectionRetry> listener) {
        retrier.addListener(Objects.requireNonNull(listener, "listener"));
    }

    public List<Row> query(Select select) {
        return withConnection(query, select);
    }

    /** At most one row; more is an error (a point query that matches several rows is a bug worth seeing). */
    public Optional<Row> queryOne(Select select) {
        return withConnection(queryOne, select);
    }

    public int insert(Identifier table, ColumnValues values) {
        return withConnection(c -> JdbcOperations.insert(c, table, values));
    }

    /** One prepared statement, executed as a JDBC batch inside one transaction: all rows or none. */
    public int insertBatch(Identifier table, List<ColumnValues> rows) {
        return transaction(tx -> tx.insertBatch(table, rows));
    }

    public int update(Identifier table, ColumnValues set, Where where) {
        return withConnection(c -> JdbcOperations.update(c, table, set, where));
    }

    public int delete(Identifier table, Where where) {
        return withConnection(c -> JdbcOperations.delete(c, table, where));
    }

    /** Fixed statement text with identifier slots (DDL, maintenance); values as {@code ?} parameters. */
    public int execute(SqlTemplate template, Object... params) {
        return withConnection(c -> JdbcOperations.execute(c, template, params));
    }

    /**
     * Runs {@code work} in one transaction: commit when it returns, rollback when it throws. Serialization failures
     * and deadlocks are retried per {@link DatabaseConfig#retry()}; other failures are rethrown after rollback.
     */
    public <T> T transaction(TransactionWork<T> work) {
        return transactions.run(IsolationLevel.DEFAULT, work);
    }

    /** {@link #transaction(TransactionWork)} at the given isolation level (SERIALIZABLE is where retries matter). */
    public <T> T transaction(IsolationLevel isolation, TransactionWork<T> work) {
        return transactions.run(Objects.requireNonNull(isolation, "isolation"), work);
    }

    /** A batcher whose batches go to {@link #insertBatch}; the caller closes it (which flushes) before this engine. */
    public Batcher<ColumnValues> insertBatcher(Identifier table, BatcherConfig batching, BatchTimer timer) {
        return new Batcher<>(batching, rows -> insertBatch(table, rows), timer);
    }

    public HealthStatus healthCheck() {
        long start = nanoClock.nanoTime();
        boolean up;
        String detail;
        try {
            withConnection(c -> JdbcOperations.execute(c, SqlTemplate.of("SELECT 1")));
            up = true;
            detail = "ok";
        } catch (DatabaseException e) {
            up = false;
            detail = e.getMessage();
        }
        long latency = nanoClock.nanoTime() - start;
        Optional<HealthStatus.PoolStats> stats = Optional.empty();
        if (pool != null) {
            HikariPoolMXBean mx = pool.getHikariPoolMXBean();
            stats = Optional.of(new HealthStatus.PoolStats(mx.getActiveConnections(), mx.getIdleConnections(),
                    mx.getTotalConnections(), mx.getThreadsAwaitingConnection()));
        }
        return new HealthStatus(up, latency, detail, stats);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }

    /** A statement on a borrowed connection, with its argument passed rather than captured. */
    @FunctionalInterface
    private interface ConnectionCall<A, T> {
        T apply(Connection c, A argument);
    }

    private <T> T withConnection(Function<Connection, T> body) {
        return withConnection((c, b) -> b.apply(c), body);
    }

    private <A, T> T withConnection(ConnectionCall<A, T> call, A argument) {
        long start = nanoClock.nanoTime();
        try (Connection c = acquire()) {
            return call.apply(c, argument);
        } catch (DatabaseException e) {
            throw DatabaseTimeoutException.ifUnanswered(e, Duration.ofNanos(nanoClock.nanoTime() - start),
                    config.statementTimeout());
        } catch (SQLException e) {
            // Only close() can get here; the statement already succeeded or failed on its own.
            throw new DatabaseException("closing a connection failed: SQLState " + e.getSQLState() + ": "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }

    Connection acquire() {
        return retrier.acquire(acquireOnce);
    }

    private Connection acquireOnce() {
        try {
            return connections.getConnection();
        } catch (SQLTransientConnectionException e) {
            if (pool != null && (e.getCause() == null
                    || pool.getHikariPoolMXBean().getActiveConnections() >= config.maximumPoolSize())) {
                HikariPoolMXBean mx = pool.getHikariPoolMXBean();
                throw new DatabaseBusyException(config.maximumPoolSize(), config.connectionTimeout(),
                        "active=" + mx.getActiveConnections() + ", waiting=" + mx.getThreadsAwaitingConnection());
            }
            throw connectionFailure(e);
        } catch (SQLException e) {
            throw connectionFailure(e);
        }
    }

    private DatabaseConnectionException connectionFailure(SQLException e) {
        String message = e.getCause() != null && e.getCause() != e ? e.getMessage() + ": " + e.getCause().getMessage()
                : e.getMessage();
        return new DatabaseConnectionException(JdbcUrls.redact(message, config.jdbcUrl()), e.getSQLState());
    }
}
