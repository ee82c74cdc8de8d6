package dev.oktyv.system.database;

/**
 * A database operation failed. The message names the operation and the table and carries the SQLState; it
 * never contains credentials (connection errors are redacted before they get here).
 */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public DatabaseException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The SQLState reported by the driver, or null when the failure did not come from the database. */
    public String sqlState() {
        return sqlState;
    }
}
