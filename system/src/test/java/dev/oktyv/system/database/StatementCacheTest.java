package dev.oktyv.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementCacheTest {

    @Test
    void reusesAStatementPerConnectionAndSqlClosesTheLeastRecentlyUsedAndDiscardsOnFailure() throws Exception {
        StatementCache cache = new StatementCache(2);
        try (Connection a = DriverManager.getConnection(DatabaseEngineTest.memUrl());
             Connection b = DriverManager.getConnection(DatabaseEngineTest.memUrl())) {
            PreparedStatement first = cache.prepare(a, "SELECT 1");
            assertThat(cache.prepare(a, "SELECT 1")).isSameAs(first);
            assertThat(cache.prepare(b, "SELECT 1")).as("another connection, another statement").isNotSameAs(first);
            for (int i = 0; i < StatementCache.PER_CONNECTION; i++) {
                cache.prepare(a, "SELECT " + (i + 2));
            }
            assertThat(first.isClosed()).as("evicted as least recently used").isTrue();
            PreparedStatement again = cache.prepare(a, "SELECT 1");
            assertThat(again).isNotSameAs(first);
            cache.discard(a, "SELECT 1");
            assertThat(again.isClosed()).isTrue();
            assertThat(cache.prepare(a, "SELECT 1")).isNotSameAs(again);
        }
    }

    @Test
    void theEngineStillSeesTheTableAfterItIsDroppedAndCreatedAgain() {
        try (DatabaseEngine db = DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl(DatabaseEngineTest.memUrl())
                .maximumPoolSize(1).build(), new InMemorySecretResolver())) {
            SqlTemplate create = SqlTemplate.of("CREATE TABLE {} ({} BIGINT PRIMARY KEY, {} VARCHAR(200), {} INT)",
                    DatabaseEngineTest.ITEMS, DatabaseEngineTest.ID, DatabaseEngineTest.NAME, DatabaseEngineTest.QTY);
            db.execute(create);
            db.insert(DatabaseEngineTest.ITEMS, DatabaseEngineTest.item(1, "a", 1));
            Select byId = Select.from(DatabaseEngineTest.ITEMS).where(Where.eq(DatabaseEngineTest.ID, 1L)).build();
            assertThat(db.queryOne(byId).map(r -> r.getString("name"))).contains("a");
            db.execute(SqlTemplate.of("DROP TABLE {}", DatabaseEngineTest.ITEMS));
            db.execute(create);
            assertThat(db.queryOne(byId)).isEqualTo(Optional.empty());
            db.insert(DatabaseEngineTest.ITEMS, DatabaseEngineTest.item(1, "b", 1));
            assertThat(db.queryOne(byId).map(r -> r.getString("name"))).contains("b");
        }
    }

    @Test
    void rowsOfACachedStatementShareItsLabelsUntilTheColumnsChangeAndThenShowTheNewOnes() {
        try (DatabaseEngine db = DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl(DatabaseEngineTest.memUrl())
                .maximumPoolSize(1).build(), new InMemorySecretResolver())) {
            db.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT PRIMARY KEY, {} VARCHAR(200), {} INT)",
                    DatabaseEngineTest.ITEMS, DatabaseEngineTest.ID, DatabaseEngineTest.NAME, DatabaseEngineTest.QTY));
            db.insert(DatabaseEngineTest.ITEMS, DatabaseEngineTest.item(1, "a", 7));
            db.insert(DatabaseEngineTest.ITEMS, DatabaseEngineTest.item(2, "b", 8));
            Select byId1 = Select.from(DatabaseEngineTest.ITEMS).where(Where.eq(DatabaseEngineTest.ID, 1L)).build();
            Select byId2 = Select.from(DatabaseEngineTest.ITEMS).where(Where.eq(DatabaseEngineTest.ID, 2L)).build();
            Row first = db.queryOne(byId1).orElseThrow();
            Row second = db.queryOne(byId2).orElseThrow();
            assertThat(second.columns()).containsExactly("id", "name", "qty").isEqualTo(first.columns());

            // Same statement text, other columns: a renamed column and an added one must show, never the old labels.
            db.execute(SqlTemplate.of("ALTER TABLE {} ALTER COLUMN {} RENAME TO {}", DatabaseEngineTest.ITEMS,
                    DatabaseEngineTest.QTY, Identifier.of("amount")));
            Row renamed = db.queryOne(byId1).orElseThrow();
            assertThat(renamed.columns()).containsExactly("id", "name", "amount");
            assertThat(renamed.getLong("amount")).isEqualTo(7);
            assertThatThrownBy(() -> renamed.get("qty")).isInstanceOf(java.util.NoSuchElementException.class);
            db.execute(SqlTemplate.of("ALTER TABLE {} ADD COLUMN {} VARCHAR(10) DEFAULT 'x'", DatabaseEngineTest.ITEMS,
                    Identifier.of("note")));
            Row added = db.queryOne(byId2).orElseThrow();
            assertThat(added.columns()).containsExactly("id", "name", "amount", "note");
            assertThat(added.getString("note")).isEqualTo("x");
            assertThat(added.getLong("amount")).isEqualTo(8);
            // Rows read before the change keep the labels they were read with.
            assertThat(first.columns()).containsExactly("id", "name", "qty");
            assertThat(first.getLong("qty")).isEqualTo(7);
        }
    }

    @Test
    void theLabelsArrayIsReusedOnlyWhileEveryLabelIsEqual() throws Exception {
        StatementCache cache = new StatementCache(1);
        try (Connection a = DriverManager.getConnection(DatabaseEngineTest.memUrl())) {
            StatementCache.CachedStatement st = cache.cached(a, "SELECT 1 AS \"x\", 2 AS \"y\"");
            String[] first;
            try (ResultSet rs = st.statement().executeQuery()) {
                first = st.labels(rs);
            }
            assertThat(first).containsExactly("x", "y");
            try (ResultSet rs = st.statement().executeQuery()) {
                assertThat(st.labels(rs)).isSameAs(first);
            }
            StatementCache.CachedStatement other = cache.cached(a, "SELECT 1 AS \"x\", 2 AS \"z\"");
            try (ResultSet rs = other.statement().executeQuery()) {
                assertThat(other.labels(rs)).containsExactly("x", "z").isNotSameAs(first);
            }
            assertThat(first).as("a published array is never modified").containsExactly("x", "y");
        }
    }
}
