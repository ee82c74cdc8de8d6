package dev.oktyv.probes.recovery.database;

import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.system.database.BackoffPolicy;
import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseException;
import java.nio.file.Path;
import java.time.Duration;

/** Weakened database engines, built in test code through the engine's configuration or by wrapping its calls. */
final class DatabaseTargets {

    private DatabaseTargets() {
    }

    /** H2 always; PostgreSQL too when OKTYV_PG_URL is set, as in the command. */
    static RecoveryTargets.Builder with(DatabaseTarget target) {
        return RecoveryTargets.builder(Path.of("unused")).with(DatabaseTarget.class, target)
                .with(DatabaseServers.class, H2TcpServers.fromEnvironment())
                .with(InsertPath.class, InsertPath.REAL);
    }

    /** No timeout worth the name: operations wait 10 s for a connection, whatever the probe configured. */
    static final DatabaseTarget NO_TIMEOUT = config -> DatabaseTarget.REAL.open(new DatabaseConfig(config.jdbcUrl(),
            config.username(), config.password(), config.maximumPoolSize(), Duration.ofSeconds(10),
            config.idleTimeout(), config.mode(), config.retry(), config.connectionRetry(), config.statementTimeout()));

    /** Connection retries off, whatever the probe configured: an outage reaches every caller at once. */
    static final DatabaseTarget NO_RETRY = config -> DatabaseTarget.REAL.open(new DatabaseConfig(config.jdbcUrl(),
            config.username(), config.password(), config.maximumPoolSize(), config.connectionTimeout(),
            config.idleTimeout(), config.mode(), config.retry(), BackoffPolicy.NONE, config.statementTimeout()));

    /** No statement timeout, whatever the probe configured: a call on a black-holed connection waits forever. */
    static final DatabaseTarget NO_STATEMENT_TIMEOUT = config -> DatabaseTarget.REAL.open(
            config.withStatementTimeout(Duration.ZERO));

    /** A blind retry around insert: what a "retry on any error" layer does to a non-idempotent statement. */
    static final InsertPath BLIND_RETRY = (db, table, values) -> {
        try {
            db.insert(table, values);
        } catch (DatabaseException e) {
            db.insert(table, values);
        }
    };
}
