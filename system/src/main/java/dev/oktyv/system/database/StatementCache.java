package dev.oktyv.system.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared SELECT statements kept open per physical connection, keyed by SQL text, so that a query shape run
 * again on the same pooled connection skips {@code prepareStatement} (on H2: a parse-cache lookup and a new
 * command object; on PostgreSQL: a new statement object before the driver's own server-side cache applies).
 *
 * <p>Why on the physical connection: HikariCP closes every statement made through its proxy when the connection
 * goes back to the pool, by design (it leaves statement caching to the driver, and H2's driver has none).
 * Statements prepared on the unwrapped connection survive the return; a connection is lent to one thread at a
 * time, so its statements are too. Only autocommit reads use this (the engine's {@code query}/{@code queryOne}):
 * transactions keep preparing through the proxy, so HikariCP's dirty-state tracking and rollback on return
 * still see everything they did. Each connection keeps at most {@value #PER_CONNECTION} statements (least
 * recently used closed first); entries of connections that were closed are swept when the map grows.
 *
 * <p>Each statement also remembers the column labels of its last result ({@link CachedStatement#labels}), so that
 * rows of a result whose labels did not change share the array the previous result made.
 */
final class StatementCache {

    static final int PER_CONNECTION = 64;

    private final int sweepAbove;
    private final Map<Connection, Map<String, CachedStatement>> byConnection = new ConcurrentHashMap<>();

    /**
     * A statement kept open, and the labels of its last result. Confined like its connection: one borrower at a
     * time, and the pool's hand-over orders one borrower's writes before the next one's reads.
     */
    static final class CachedStatement {
        private static final String[] NONE = new String[0];

        private final PreparedStatement statement;
        private String[] labels = NONE;

        private CachedStatement(PreparedStatement statement) {
            this.statement = statement;
        }

        PreparedStatement statement() {
            return statement;
        }

        /**
         * The labels of {@code rs}, a result of this statement, read from its metadata every time and compared with
         * the previous result's: the same array when every label is equal, a new one otherwise. Never assumed: the
         * same statement text can come back with other columns (H2 re-prepares {@code SELECT *} after an
         * {@code ALTER TABLE}, PostgreSQL re-plans it), so skipping the metadata would pair stale labels with the
         * new columns; what is saved is the array per result, not the reading.
         */
        String[] labels(ResultSet rs) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            String[] previous = labels;
            String[] fresh = previous.length == n ? null : new String[n];
            for (int i = 0; i < n; i++) {
                String label = md.getColumnLabel(i + 1);
                if (fresh == null && !label.equals(previous[i])) {
                    fresh = new String[n];
                    System.arraycopy(previous, 0, fresh, 0, i);
                }
                if (fresh != null) {
                    fresh[i] = label;
                }
            }
            if (fresh == null) {
                return previous;
            }
            labels = fresh;
            return fresh;
        }
    }

    /** @param maximumPoolSize how many physical connections can be open at once */
    StatementCache(int maximumPoolSize) {
        this.sweepAbove = 2 * maximumPoolSize;
    }

    /** A statement for {@code sql} on the physical connection under {@code borrowed}; do not close it. */
    PreparedStatement prepare(Connection borrowed, String sql) throws SQLException {
        return cached(borrowed, sql).statement();
    }

    /** {@link #prepare}, with the labels of the statement's last result. */
    CachedStatement cached(Connection borrowed, String sql) throws SQLException {
        Connection raw = borrowed.unwrap(Connection.class);
        Map<String, CachedStatement> statements = byConnection.get(raw);
        if (statements == null) {
            if (byConnection.size() >= sweepAbove) {
                sweepClosed();
            }
            statements = new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CachedStatement> eldest) {
                    if (size() > PER_CONNECTION) {
                        closeQuietly(eldest.getValue());
                        return true;
                    }
                    return false;
                }
            };
            byConnection.put(raw, statements);
        }
        CachedStatement cached = statements.get(sql);
        if (cached == null || cached.statement.isClosed()) {
            cached = new CachedStatement(raw.prepareStatement(sql));
            statements.put(sql, cached);
        }
        return cached;
    }

    /** After a failed execution: the statement (or its connection) may be broken, so it is not reused. */
    void discard(Connection borrowed, String sql) {
        try {
            Map<String, CachedStatement> statements = byConnection.get(borrowed.unwrap(Connection.class));
            if (statements != null) {
                closeQuietly(statements.remove(sql));
            }
        } catch (SQLException e) {
            // The connection is gone; the sweep removes its entry.
        }
    }

    private void sweepClosed() {
        byConnection.keySet().removeIf(c -> {
            try {
                return c.isClosed();
            } catch (SQLException e) {
                return true;
            }
        });
    }

    private static void closeQuietly(CachedStatement cached) {
        if (cached == null) {
            return;
        }
        try {
            cached.statement.close();
        } catch (SQLException e) {
            // Closing a cached statement of a dying connection; nothing to do.
        }
    }
}
