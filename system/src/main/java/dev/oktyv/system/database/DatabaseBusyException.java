package dev.oktyv.system.database;

import java.time.Duration;

/** Every pooled connection was in use for the whole connection timeout; the caller waited, then gave up. */
public class DatabaseBusyException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public DatabaseBusyException(int maximumPoolSize, Duration connectionTimeout, String poolState) {
        super("database busy: all " + maximumPoolSize + " pooled connections in use for " + connectionTimeout.toMillis()
                + " ms (connectionTimeout); " + poolState, null, null);
    }
}
