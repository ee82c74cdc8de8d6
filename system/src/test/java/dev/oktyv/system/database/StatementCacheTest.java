package dev.oktyv.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
}
