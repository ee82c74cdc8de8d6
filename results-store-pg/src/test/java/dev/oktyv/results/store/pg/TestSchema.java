package dev.oktyv.results.store.pg;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema on the machine's PostgreSQL ({@code OKTYV_PG_URL}) for one test class, dropped afterwards; the
 * test is skipped, with a message, when the variable is unset.
 */
public final class TestSchema implements AutoCloseable {

    public static final String PG_ENV = "OKTYV_PG_URL";

    private final String baseUrl;
    private final String schema;

    private TestSchema(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    public static TestSchema create() {
        String url = System.getenv(PG_ENV);
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                PG_ENV + " is not set: skipping the PostgreSQL store test (e.g. " + PG_ENV
                        + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return new TestSchema(url, "i19store_" + HexFormat.of().formatHex(b));
    }

    public String schema() {
        return schema;
    }

    /** The store URL with {@code currentSchema} set to this test's schema. */
    public String storeUrl() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(storeUrl());
    }

    public long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
