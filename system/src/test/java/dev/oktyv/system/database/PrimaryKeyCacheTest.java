package dev.oktyv.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.cache.CacheConfig;
import dev.oktyv.system.cache.CacheRead;
import dev.oktyv.system.cache.Freshness;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.time.ManualTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against real embedded H2: writes through the cache invalidate; a closed engine is "database down". */
class PrimaryKeyCacheTest {

    static final Identifier ITEMS = DatabaseEngineTest.ITEMS;
    static final Identifier ID = DatabaseEngineTest.ID;
    static final Identifier NAME = DatabaseEngineTest.NAME;

    private final ManualTime time = new ManualTime();
    private DatabaseEngine db;

    @BeforeEach
    void open() {
        db = DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl(DatabaseEngineTest.memUrl()).maximumPoolSize(2)
                .build(), new InMemorySecretResolver(), time, time, () -> 0.0);
        db.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT PRIMARY KEY, {} VARCHAR(200), {} INT)",
                ITEMS, ID, NAME, DatabaseEngineTest.QTY));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private PrimaryKeyCache cache(CacheConfig config) {
        return new PrimaryKeyCache(db, ITEMS, ID, List.of(ID, NAME), config, time, new MetricsCollector());
    }

    private static String name(CacheRead<Optional<Row>> read) {
        return read.value().map(r -> r.getString("name")).orElse("(absent)");
    }

    @Test
    void everyWriteThroughTheCacheInvalidatesItsKey() {
        PrimaryKeyCache c = cache(CacheConfig.of("items", Duration.ofHours(1), 100));
        assertThat(name(c.find(1))).isEqualTo("(absent)");            // the absent answer is cached...
        c.insert(DatabaseEngineTest.item(1, "apple", 3));
        assertThat(name(c.find(1L))).isEqualTo("apple");              // ...and the insert invalidated it
        c.update(ColumnValues.of(NAME, "pear"), 1);
        assertThat(name(c.find(1))).isEqualTo("pear");
        c.delete(1L);
        assertThat(name(c.find(1))).isEqualTo("(absent)");
        assertThat(c.counts().hits()).isZero();                          // every read above followed a write
        // A write that bypasses the cache is not seen until the TTL: why caching is opt-in.
        db.insert(ITEMS, DatabaseEngineTest.item(1, "fig", 1));
        assertThat(name(c.find(1))).isEqualTo("(absent)");
        assertThat(c.counts().hits()).isEqualTo(1);
    }

    @Test
    void servesStaleRowsWhenTheDatabaseIsDownAndOnlyThen() {
        db.insert(ITEMS, DatabaseEngineTest.item(7, "kiwi", 1));
        PrimaryKeyCache c = cache(CacheConfig.of("items", Duration.ofSeconds(10), 100)
                .withStaleRetention(Duration.ofMinutes(10)));
        assertThat(c.find(7).freshness()).isEqualTo(Freshness.FRESH);
        time.advance(Duration.ofSeconds(11));
        assertThat(c.find(7).freshness()).isEqualTo(Freshness.FRESH);   // reloaded: the database is up
        time.advance(Duration.ofSeconds(11));
        db.close();                                                      // the pool refuses: database down
        CacheRead<Optional<Row>> stale = c.find(7);
        assertThat(stale.freshness()).isEqualTo(Freshness.STALE);
        assertThat(name(stale)).isEqualTo("kiwi");
        assertThat(stale.age()).isEqualTo(Duration.ofSeconds(11));
        assertThatThrownBy(() -> c.find(8)).isInstanceOf(DatabaseConnectionException.class); // nothing to serve
    }

    @Test
    void anUpdateMayNotMoveThePrimaryKey() {
        PrimaryKeyCache c = cache(CacheConfig.of("items", Duration.ofHours(1), 100));
        assertThatThrownBy(() -> c.update(ColumnValues.of(ID, 2L), 1)).hasMessageContaining("'id'");
    }
}
