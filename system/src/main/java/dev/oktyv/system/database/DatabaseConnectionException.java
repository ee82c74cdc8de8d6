package dev.oktyv.system.database;

/**
 * A connection could not be opened (bad URL, refused, authentication failed, secret not found). The message is
 * redacted: URL credentials and resolved secret values are replaced by {@code ***}, and the driver's original
 * exception is not chained because its message may hold them.
 */
public class DatabaseConnectionException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public DatabaseConnectionException(String redactedMessage, String sqlState) {
        super(redactedMessage, sqlState, null);
    }
}
