package dev.oktyv.system.database;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretResolver;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The physical-connection source under HikariCP (and the connection-per-query mode). It resolves credentials on
 * every connect, so they live only for the duration of the driver call, and it rewrites every failure into an
 * exception whose message is redacted. HikariCP logs what this class throws, so redacting here, before the
 * pool sees the exception, is what keeps passwords out of logs too.
 */
final class CredentialDataSource implements DataSource {

    private final String url;
    private final Credential username;
    private final Credential password;
    private final SecretResolver resolver;
    private final Driver driver;
    /** Driver options every connection gets (the timeouts, {@link DriverTimeouts}); never a credential. */
    private final Properties options;
    private volatile int loginTimeoutSeconds;

    CredentialDataSource(String url, Credential username, Credential password, SecretResolver resolver,
                         Properties options) {
        this.url = url;
        this.options = (Properties) options.clone();
        this.username = username;
        this.password = password;
        this.resolver = resolver;
        try {
            this.driver = DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new DatabaseConnectionException("no JDBC driver accepts " + JdbcUrls.redact(url), e.getSQLState());
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Optional<Secret> user = Optional.empty();
        Optional<Secret> pass = Optional.empty();
        char[] userChars = null;
        char[] passChars = null;
        try {
            user = username.resolve(resolver);
            pass = password.resolve(resolver);
            Properties props = new Properties();
            props.putAll(options);
            if (user.isPresent()) {
                userChars = user.get().reveal();
                props.setProperty("user", new String(userChars));
            }
            if (pass.isPresent()) {
                passChars = pass.get().reveal();
                props.setProperty("password", new String(passChars));
            }
            Connection c = driver.connect(url, props);
            if (c == null) {
                throw new SQLException("driver refused URL " + JdbcUrls.redact(url), "08001");
            }
            return c;
        } catch (SecretNotFoundException e) {
            // The message names the reference only, by contract of SecretResolver.
            throw new SQLException("cannot open connection to " + JdbcUrls.redact(url) + ": " + e.getMessage(), "28000");
        } catch (SQLException e) {
            SQLException clean = new SQLException("cannot open connection to " + JdbcUrls.redact(url) + ": "
                    + JdbcUrls.redact(e.getMessage(), url, passChars), e.getSQLState(), e.getErrorCode());
            clean.setStackTrace(e.getStackTrace());
            throw clean;
        } finally {
            user.ifPresent(Secret::destroy);
            pass.ifPresent(Secret::destroy);
            if (passChars != null) {
                java.util.Arrays.fill(passChars, '\0');
            }
            if (userChars != null) {
                java.util.Arrays.fill(userChars, '\0');
            }
        }
    }

    @Override
    public Connection getConnection(String user, String pass) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the engine configuration only");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // No driver log: it could echo connection properties.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
