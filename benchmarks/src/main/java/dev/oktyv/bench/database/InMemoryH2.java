package dev.oktyv.bench.database;

import dev.oktyv.system.database.DatabaseEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stopping an engine on a private H2 in-memory database ({@code jdbc:h2:mem:…;DB_CLOSE_DELAY=-1}, which keeps the
 * database alive between pool connections, which a run needs, and would otherwise keep it for the JVM's life).
 */
public final class InMemoryH2 {

    private InMemoryH2() {
    }

    /**
     * Closes the engine's pool, then drops the database with SHUTDOWN. In this order: SHUTDOWN through the pool
     * closes every pooled connection under HikariCP's feet, which then logs a WARNING "Database is already closed"
     * for the connection it gets back. SHUTDOWN goes through a plain connection of its own, with the engine's
     * (empty) credentials.
     */
    public static void closeAndDrop(DatabaseEngine engine, String url) throws SQLException {
        engine.close();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
