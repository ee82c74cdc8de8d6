package dev.oktyv.system.database;

import dev.oktyv.system.time.Sleeper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Runs a {@link TransactionWork} on one connection with commit/rollback, retrying the whole unit on
 * serialization failure or deadlock with jittered exponential backoff from the injected {@link Sleeper}.
 */
final class TransactionRunner {

    /** SQLStates that mean "the same transaction may succeed if run again": serialization failure, deadlock. */
    static final Set<String> RETRYABLE_SQL_STATES = Set.of("40001", "40P01");

    private final BackoffPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final Supplier<Connection> connections;

    TransactionRunner(BackoffPolicy policy, Sleeper sleeper, DoubleSupplier jitter,
                      Supplier<Connection> connections) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.jitter = jitter;
        this.connections = connections;
    }

    <T> T run(IsolationLevel isolation, TransactionWork<T> work) {
        for (int retry = 0; ; retry++) {
            try {
                return once(isolation, work);
            } catch (Exception e) {
                String state = retryableState(e);
                if (state == null) {
                    if (e instanceof RuntimeException r) {
                        throw r;
                    }
                    // A commit or rollback the server never answered: as for single statements, say it timed out.
                    throw e instanceof java.sql.SQLException s && DatabaseTimeoutException.isTimeout(s)
                            ? new DatabaseTimeoutException("transaction timed out: no answer within the statement"
                                    + " timeout (DatabaseConfig.statementTimeout): " + e, sqlState(e), e)
                            : new DatabaseException("transaction failed: " + e, sqlState(e), e);
                }
                if (retry >= policy.maxRetries()) {
                    throw new DatabaseException("transaction failed after " + (retry + 1) + " attempts, last SQLState "
                            + state + ": " + e.getMessage(), state, e);
                }
                backoff(retry + 1, e);
            }
        }
    }

    private void backoff(int retry, Exception cause) {
        Duration wait = policy.backoff(retry, jitter.getAsDouble());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            DatabaseException e = new DatabaseException("interrupted while backing off " + wait + " before retry "
                    + retry + " of a transaction", retryableState(cause), cause);
            throw e;
        }
    }

    private <T> T once(IsolationLevel isolation, TransactionWork<T> work) throws Exception {
        Connection c = connections.get();
        try {
            c.setAutoCommit(false);
            if (isolation != IsolationLevel.DEFAULT) {
                // HikariCP restores the pool's default isolation when the connection is returned.
                c.setTransactionIsolation(isolation.jdbcLevel());
            }
            T result;
            try {
                result = work.run(new Transaction(c));
                c.commit();
            } catch (Exception | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
            return result;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // HikariCP resets auto-commit on return anyway; the connection is evicted if it is broken.
            }
            c.close();
        }
    }

    /** The retryable SQLState anywhere in the cause chain, or null. */
    static String retryableState(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            String state = x instanceof SQLException s ? s.getSQLState()
                    : x instanceof DatabaseException d ? d.sqlState() : null;
            if (state != null && RETRYABLE_SQL_STATES.contains(state)) {
                return state;
            }
        }
        return null;
    }

    private static String sqlState(Throwable t) {
        return t instanceof SQLException s ? s.getSQLState() : null;
    }
}
