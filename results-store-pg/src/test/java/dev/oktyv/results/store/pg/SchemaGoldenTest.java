package dev.oktyv.results.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The store's schema is a machine-readable format that other tools query: its tables, columns, types and
 * constraints after all migrations are sealed by {@code schema-v1.txt}. A change needs a new migration and a new
 * golden file, never an edit of an applied migration.
 */
class SchemaGoldenTest {

    @Test
    void theMigratedSchemaIsTheGoldenOne() throws Exception {
        try (TestSchema schema = TestSchema.create()) {
            PgRunStore.open(PgStoreUrl.parse(schema.storeUrl()), Optional.empty()).close();
            StringBuilder actual = new StringBuilder();
            try (Connection c = schema.connect()) {
                try (PreparedStatement st = c.prepareStatement("SELECT table_name, column_name, data_type, is_nullable"
                        + " FROM information_schema.columns WHERE table_schema = ? AND table_name <> 'flyway_schema_history'"
                        + " ORDER BY table_name, ordinal_position")) {
                    st.setString(1, schema.schema());
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            actual.append(rs.getString(1)).append('.').append(rs.getString(2)).append(' ')
                                    .append(rs.getString(3)).append(rs.getString(4).equals("NO") ? " not null" : "")
                                    .append('\n');
                        }
                    }
                }
                try (PreparedStatement st = c.prepareStatement("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
                        + " FROM pg_constraint WHERE connamespace = ?::regnamespace ORDER BY 1, 2, 3")) {
                    st.setString(1, schema.schema());
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            if (rs.getString(1).endsWith("flyway_schema_history")) {
                                continue;
                            }
                            actual.append("constraint ").append(rs.getString(1).replace(schema.schema() + ".", ""))
                                    .append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3)).append('\n');
                        }
                    }
                }
                try (PreparedStatement st = c.prepareStatement("SELECT version, description FROM flyway_schema_history"
                        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            actual.append("migration ").append(rs.getString(1)).append(' ').append(rs.getString(2)).append('\n');
                        }
                    }
                }
            }
            String golden;
            try (InputStream in = SchemaGoldenTest.class.getResourceAsStream("/golden/schema-v1.txt")) {
                golden = in == null ? "(missing)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (System.getenv("OKTYV_UPDATE_GOLDEN") != null) {
                java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/golden/schema-v1.txt"), actual);
            }
            assertThat(actual.toString()).isEqualTo(golden);
        }
    }
}
