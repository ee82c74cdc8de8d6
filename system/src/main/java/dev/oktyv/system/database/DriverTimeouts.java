package dev.oktyv.system.database;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * {@link DatabaseConfig#statementTimeout()} as each driver takes it: connection properties set on every physical
 * connection, so every statement (engine call, transaction, health check) is bounded without a per-statement call.
 *
 * <ul>
 *   <li>the statement timeout, enforced by the server, which cancels the statement and answers with SQLState
 *       {@code 57014}: H2's {@code QUERY_TIMEOUT} (ms), PostgreSQL's {@code statement_timeout} (ms, through the
 *       driver's {@code options});</li>
 *   <li>a network timeout of statement timeout + {@link DatabaseConfig#NETWORK_TIMEOUT_MARGIN} on the driver's socket
 *       reads, for when the server's answer never comes (a black-holed connection, a dead peer whose kernel never
 *       resets): H2's {@code NETWORK_TIMEOUT} (ms, TCP URLs only; H2 ignores {@code Connection#setNetworkTimeout}),
 *       PostgreSQL's {@code socketTimeout} (whole seconds, rounded up).</li>
 * </ul>
 * A setting the URL already has is left to the URL (H2 refuses a property that contradicts its URL).
 */
final class DriverTimeouts {

    private DriverTimeouts() {
    }

    static Properties of(DatabaseConfig config) {
        Properties p = new Properties();
        Duration statement = config.statementTimeout();
        if (statement.isZero()) {
            return p;
        }
        String url = config.jdbcUrl();
        String upper = url.toUpperCase(Locale.ROOT);
        long network = statement.plus(DatabaseConfig.NETWORK_TIMEOUT_MARGIN).toMillis();
        if (config.isPostgres()) {
            if (!upper.contains("OPTIONS=")) {
                p.setProperty("options", "-c statement_timeout=" + statement.toMillis());
            }
            if (!upper.contains("SOCKETTIMEOUT=")) {
                p.setProperty("socketTimeout", Long.toString((network + 999) / 1000));
            }
            return p;
        }
        if (!upper.contains(";QUERY_TIMEOUT=")) {
            p.setProperty("QUERY_TIMEOUT", Long.toString(statement.toMillis()));
        }
        boolean remote = upper.startsWith("JDBC:H2:TCP:") || upper.startsWith("JDBC:H2:SSL:");
        if (remote && !upper.contains(";NETWORK_TIMEOUT=")) {
            p.setProperty("NETWORK_TIMEOUT", Long.toString(network));
        }
        return p;
    }
}
