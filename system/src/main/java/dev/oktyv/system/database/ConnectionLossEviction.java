package dev.oktyv.system.database;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells HikariCP to evict a pooled connection whose server session is gone. HikariCP evicts on the standard
 * connection-exception class ({@code 08xxx}, which PostgreSQL uses), but H2's TCP client reports a dead server
 * session with vendor states: without this rule such connections went back to the pool and failed every later
 * statement, so the engine never recovered from a database restart while callers kept it busy (the recovery
 * phase's connection-failure probe found this; HikariCP validates a connection only after 500 ms idle).
 */
final class ConnectionLossEviction implements SQLExceptionOverride {

    /** H2: 90067 connection broken, 90098 database is closed, 90121 database closed (session gone). */
    static final Set<String> H2_SESSION_LOST = Set.of("90067", "90098", "90121");

    /**
     * Whether a statement failed because the connection to the server is gone (SQLState class {@code 08}, or H2's
     * vendor states above), rather than because of the statement: the database is unreachable, not the query wrong.
     */
    static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || H2_SESSION_LOST.contains(sqlState));
    }

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return e.getSQLState() != null && H2_SESSION_LOST.contains(e.getSQLState()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
