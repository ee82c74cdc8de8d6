package dev.oktyv.system.database;

import java.sql.Connection;

/** Transaction isolation; {@link #DEFAULT} leaves the driver's (READ COMMITTED on PostgreSQL and H2). */
public enum IsolationLevel {
    DEFAULT(-1),
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    int jdbcLevel() {
        return jdbcLevel;
    }
}
