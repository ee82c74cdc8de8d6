package dev.oktyv.probes.recovery.database;

import dev.oktyv.probes.recovery.proxy.FaultProxy;
import dev.oktyv.system.database.BackoffPolicy;
import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseEngine;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/** One server behind a fault proxy and the engine opened through it: the set-up the database probes share. */
final class ProxiedDatabase implements AutoCloseable {

    final DatabaseServer server;
    final FaultProxy proxy;
    final DatabaseConfig config;
    final DatabaseEngine db;

    ProxiedDatabase(DatabaseServer server, DatabaseTarget target, int poolSize, Duration connectionTimeout)
            throws IOException {
        this(server, target, poolSize, connectionTimeout, BackoffPolicy.NONE);
    }

    ProxiedDatabase(DatabaseServer server, DatabaseTarget target, int poolSize, Duration connectionTimeout,
                    BackoffPolicy connectionRetry) throws IOException {
        this(server, target, poolSize, connectionTimeout, connectionRetry, DatabaseConfig.DEFAULT_STATEMENT_TIMEOUT);
    }

    ProxiedDatabase(DatabaseServer server, DatabaseTarget target, int poolSize, Duration connectionTimeout,
                    BackoffPolicy connectionRetry, Duration statementTimeout) throws IOException {
        this.server = server;
        this.proxy = FaultProxy.start(server.address());
        this.config = DatabaseConfig.builder().jdbcUrl(server.urlThroughProxy(proxy.port())).maximumPoolSize(poolSize)
                .connectionTimeout(connectionTimeout).connectionRetry(connectionRetry)
                .statementTimeout(statementTimeout).build();
        DatabaseEngine opened;
        try {
            opened = target.open(config);
        } catch (RuntimeException e) {
            proxy.close();
            throw e;
        }
        this.db = opened;
    }

    /** A connection around the proxy, for the probe's own verification (never through the engine under test). */
    Connection direct() throws SQLException {
        return DriverManager.getConnection(server.directUrl());
    }

    @Override
    public void close() {
        try {
            db.close();
        } finally {
            proxy.close();
        }
    }
}
