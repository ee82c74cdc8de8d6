package dev.oktyv.system.database;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A statement got no answer within {@link DatabaseConfig#statementTimeout()}: the server cancelled it (SQLState
 * {@code 57014}), or the driver's network timeout gave up on a server that never answered (a black-holed or dead
 * connection). Either way the call did not hang, and whether the statement took effect is unknown to the caller.
 */
public class DatabaseTimeoutException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    /** SQLState of a statement cancelled by the server (H2 and PostgreSQL alike). */
    static final String QUERY_CANCELED = "57014";

    public DatabaseTimeoutException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }

    /**
     * {@code e} as a timeout when the connection was lost only after the network timeout had run out: H2's TCP client
     * reports its socket's read timeout as a closed session (90067) without the cause, so the time it took is the
     * only evidence; a connection lost sooner (a reset, a server stop) stays what it was.
     */
    static DatabaseException ifUnanswered(DatabaseException e, Duration waited, Duration statementTimeout) {
        if (statementTimeout.isZero() || e instanceof DatabaseTimeoutException || e instanceof DatabaseConnectionException
                || !ConnectionLossEviction.connectionLost(e.sqlState())) {
            return e;
        }
        Duration network = statementTimeout.plus(DatabaseConfig.NETWORK_TIMEOUT_MARGIN);
        if (waited.compareTo(network) < 0) {
            return e;
        }
        return new DatabaseTimeoutException("timed out after " + waited.toMillis() + " ms without an answer from the"
                + " database (statement timeout " + statementTimeout.toMillis() + " ms + network margin "
                + DatabaseConfig.NETWORK_TIMEOUT_MARGIN.toMillis() + " ms, DatabaseConfig.statementTimeout): "
                + e.getMessage(), e.sqlState(), e);
    }

    /** Whether {@code e} is a timeout: the server's cancellation, or a socket read that timed out under it. */
    static boolean isTimeout(SQLException e) {
        if (QUERY_CANCELED.equals(e.getSQLState())) {
            return true;
        }
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
