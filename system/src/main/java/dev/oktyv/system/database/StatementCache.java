package dev.oktyv.system.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
 */
final class StatementCache {

    static final int PER_CONNECTION = 64;

    private final int sweepAbove;
    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    /** @param maximumPoolSize how many physical connections can be open at once */
    StatementCache(int maximumPoolSize) {
        this.sweepAbove = 2 * maximumPoolSize;
    }

    /** A statement for {@code sql} on the physical connection under {@code borrowed}; do not close it. */
    PreparedStatement prepare(Connection borrowed, String sql) throws SQLException {
        Connection raw = borrowed.unwrap(Connection.class);
        Map<String, PreparedStatement> statements = byConnection.get(raw);
        if (statements == null) {
            if (byConnection.size() >= sweepAbove) {
                sweepClosed();
            }
            statements = new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                    if (size() > PER_CONNECTION) {
                        closeQuietly(eldest.getValue());
                        return true;
                    }
                    return false;
                }
            };
            byConnection.put(raw, statements);
        }
        PreparedStatement ps = statements.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = raw.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /** After a failed execution: the statement (or its connection) may be broken, so it is not reused. */
    void discard(Connection borrowed, String sql) {
        try {
            Map<String, PreparedStatement> statements = byConnection.get(borrowed.unwrap(Connection.class));
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

    private static void closeQuietly(PreparedStatement ps) {
        if (ps == null) {
            return;
        }
        try {
            ps.close();
        } catch (SQLException e) {
            // Closing a cached statement of a dying connection; nothing to do.
        }
    }
}
