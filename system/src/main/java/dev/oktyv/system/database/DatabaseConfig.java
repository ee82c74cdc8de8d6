package dev.oktyv.system.database;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable Database engine configuration; build it with {@link #builder()}, which validates each value as it
 * is set. {@link #toString()} redacts the URL and never shows credentials.
 *
 * @param jdbcUrl           {@code jdbc:h2:...} (embedded, default in memory) or {@code jdbc:postgresql:...}
 * @param username          user name, literal or {@code vault:} reference; may be {@link Credential.None}
 * @param password          password, literal or {@code vault:} reference; may be {@link Credential.None}
 * @param maximumPoolSize   pool size, 1..500 (default 10)
 * @param connectionTimeout longest wait for a pooled connection before {@link DatabaseBusyException}; at least
 *                          250 ms because HikariCP silently raises anything lower to 250 ms (default 5 s)
 * @param idleTimeout       idle connections above the minimum are closed after this; 0 (never) or at least
 *                          10 s, HikariCP's floor (default 10 min)
 * @param mode              pooled, or a new connection per operation (the measured baseline)
 * @param retry             transaction retry on serialization failure or deadlock (default 3 retries, 10 ms..1 s)
 * @param connectionRetry   retries of getting a connection while the database is unreachable, never of a statement
 *                          that was sent (it may have run); default {@link BackoffPolicy#NONE}, so an outage
 *                          surfaces at once and a fallback (a cache, a 503) can answer
 * @param statementTimeout  longest a statement may run before the database cancels it, and (plus {@link
 *                          #NETWORK_TIMEOUT_MARGIN}) longest the driver waits for any answer from the server, so a
 *                          connection whose bytes are swallowed fails with {@link DatabaseTimeoutException} instead
 *                          of hanging; {@link Duration#ZERO} turns both off; else at least 1 s, because JDBC
 *                          counts query timeouts in whole seconds (default 30 s). See {@link DriverTimeouts}.
 */
public record DatabaseConfig(String jdbcUrl, Credential username, Credential password, int maximumPoolSize,
                             Duration connectionTimeout, Duration idleTimeout, ConnectionMode mode,
                             BackoffPolicy retry, BackoffPolicy connectionRetry, Duration statementTimeout) {

    public static final String DEFAULT_URL = "jdbc:h2:mem:oktyv;DB_CLOSE_DELAY=-1";
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    public static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration MIN_STATEMENT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The network timeout exceeds the statement timeout by this much: a statement the server cancels on time still
     * gets its (clean) cancellation answer back before the socket gives up on the server.
     */
    public static final Duration NETWORK_TIMEOUT_MARGIN = Duration.ofSeconds(2);

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(connectionRetry, "connectionRetry");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        checkUrl(jdbcUrl);
        checkPoolSize(maximumPoolSize);
        checkConnectionTimeout(connectionTimeout);
        checkIdleTimeout(idleTimeout);
        checkStatementTimeout(statementTimeout);
    }

    /** The statement timeout with another value (validated), everything else the same. */
    public DatabaseConfig withStatementTimeout(Duration timeout) {
        return new DatabaseConfig(jdbcUrl, username, password, maximumPoolSize, connectionTimeout, idleTimeout, mode,
                retry, connectionRetry, timeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + JdbcUrls.redact(jdbcUrl) + ", username=" + username + ", password="
                + (password instanceof Credential.None ? "none" : password) + ", maximumPoolSize=" + maximumPoolSize
                + ", connectionTimeout=" + connectionTimeout + ", idleTimeout=" + idleTimeout + ", mode=" + mode
                + ", retry=" + retry + ", connectionRetry=" + connectionRetry + ", statementTimeout="
                + statementTimeout + "]";
    }

    private static void checkUrl(String url) {
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl '" + JdbcUrls.redact(url)
                    + "' must start with jdbc:h2: or jdbc:postgresql:");
        }
    }

    private static void checkPoolSize(int size) {
        if (size < 1 || size > 500) {
            throw new IllegalArgumentException("maximumPoolSize must be 1..500, was " + size);
        }
    }

    private static void checkConnectionTimeout(Duration d) {
        if (d.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250ms (HikariCP's minimum), was " + d);
        }
    }

    private static void checkIdleTimeout(Duration d) {
        if (!d.isZero() && d.compareTo(MIN_IDLE_TIMEOUT) < 0) {
            throw new IllegalArgumentException("idleTimeout must be 0 (never) or at least 10s (HikariCP's minimum), was " + d);
        }
    }

    private static void checkStatementTimeout(Duration d) {
        if (!d.isZero() && d.compareTo(MIN_STATEMENT_TIMEOUT) < 0) {
            throw new IllegalArgumentException("statementTimeout must be 0 (off) or at least 1s (JDBC counts query"
                    + " timeouts in whole seconds), was " + d);
        }
    }

    /** Validating builder; each setter checks its value at once, with a message naming the field. */
    public static final class Builder {
        private String jdbcUrl = DEFAULT_URL;
        private Credential username = new Credential.None();
        private Credential password = new Credential.None();
        private int maximumPoolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(5);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private ConnectionMode mode = ConnectionMode.POOLED;
        private BackoffPolicy retry = BackoffPolicy.DEFAULT;
        private BackoffPolicy connectionRetry = BackoffPolicy.NONE;
        private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;

        private Builder() {
        }

        public Builder jdbcUrl(String url) {
            checkUrl(Objects.requireNonNull(url, "jdbcUrl"));
            this.jdbcUrl = url;
            return this;
        }

        /** Literal text or {@code vault:<vault>/<key>}. */
        public Builder username(String text) {
            this.username = Credential.parse(text);
            return this;
        }

        /** Literal text or {@code vault:<vault>/<key>}. */
        public Builder password(String text) {
            this.password = Credential.parse(text);
            return this;
        }

        public Builder password(Credential credential) {
            this.password = Objects.requireNonNull(credential, "password");
            return this;
        }

        public Builder maximumPoolSize(int size) {
            checkPoolSize(size);
            this.maximumPoolSize = size;
            return this;
        }

        public Builder connectionTimeout(Duration d) {
            checkConnectionTimeout(Objects.requireNonNull(d, "connectionTimeout"));
            this.connectionTimeout = d;
            return this;
        }

        public Builder idleTimeout(Duration d) {
            checkIdleTimeout(Objects.requireNonNull(d, "idleTimeout"));
            this.idleTimeout = d;
            return this;
        }

        public Builder mode(ConnectionMode m) {
            this.mode = Objects.requireNonNull(m, "mode");
            return this;
        }

        public Builder retry(BackoffPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "retry");
            return this;
        }

        public Builder connectionRetry(BackoffPolicy policy) {
            this.connectionRetry = Objects.requireNonNull(policy, "connectionRetry");
            return this;
        }

        /** 0 turns it off (a write on a dead connection may then wait forever); see the record's description. */
        public Builder statementTimeout(Duration d) {
            checkStatementTimeout(Objects.requireNonNull(d, "statementTimeout"));
            this.statementTimeout = d;
            return this;
        }

        public DatabaseConfig build() {
            return new DatabaseConfig(jdbcUrl, username, password, maximumPoolSize, connectionTimeout, idleTimeout,
                    mode, retry, connectionRetry, statementTimeout);
        }
    }
}
