package dev.oktyv.probes.security.database;

import dev.oktyv.system.secret.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;

/** What PostgreSQL says about the current connection's TLS session. */
final class TlsSession {

    private TlsSession() {
    }

    /** "TLSv1.3, TLS_AES_256_GCM_SHA384", "none (plaintext)", or why it could not be read. */
    static String describe(DatabaseUnderTest db) {
        Properties props = new Properties();
        db.config().username().resolve(db.secrets()).ifPresent(s -> props.setProperty("user", reveal(s)));
        db.config().password().resolve(db.secrets()).ifPresent(s -> props.setProperty("password", reveal(s)));
        props.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(db.config().jdbcUrl(), props);
             PreparedStatement ps = c.prepareStatement(
                     "SELECT ssl, version, cipher FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return "unknown (pg_stat_ssl has no row for this session)";
            }
            return rs.getBoolean(1) ? rs.getString(2) + ", " + rs.getString(3) : "none (plaintext)";
        } catch (Exception e) {
            // The driver's message may carry the URL; only the class and SQL state go into evidence.
            return "not read (" + e.getClass().getSimpleName()
                    + (e instanceof java.sql.SQLException s ? ", SQLState " + s.getSQLState() : "") + ")";
        }
    }

    private static String reveal(Secret s) {
        try (s) {
            return s.revealAsString();
        }
    }
}
