package dev.oktyv.system.service.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.batch.BatcherConfig;
import dev.oktyv.system.cache.CacheConfig;
import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.prometheus.PrometheusTextFormat;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.routes.ItemBackend.Found;
import dev.oktyv.system.time.ManualTime;
import dev.oktyv.system.service.routes.ItemBackend.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The item backend's optional cache and insert batching. */
class DatabaseItemBackendOptionsTest {

    private static DatabaseEngine h2(String name) {
        return DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
                .maximumPoolSize(4).build(), ref -> {
                    throw new AssertionError("no secrets expected");
                });
    }

    @Test
    void cachedReadsCountHitsAndMissesOnTheMetricsAndCreatesInvalidate() throws Exception {
        MetricsCollector metrics = new MetricsCollector();
        try (DatabaseEngine db = h2("items-options-cache");
             DatabaseItemBackend items = new DatabaseItemBackend(db, ItemStoreOptions.none()
                     .withCache(CacheConfig.of("db_items", Duration.ofMinutes(5), 1000)), metrics)) {
            assertThat(items.find(1)).isEmpty();                  // miss; "absent" is cached
            Item a = items.create("apple", "1");                  // id 1: invalidates the cached absence
            assertThat(items.find(a.id()).map(Found::item)).contains(a);           // miss
            assertThat(items.find(a.id()).map(Found::item)).contains(a);           // hit
            assertThat(items.find(a.id()).map(Found::item)).contains(a);           // hit
            var counts = items.cacheCounts().orElseThrow();
            assertThat(counts.hits()).isEqualTo(2);
            assertThat(counts.misses()).isEqualTo(2);
            assertThat(PrometheusTextFormat.write(metrics.snapshot()))
                    .contains("oktyv_cache_hits{cache=\"db_items\"} 2", "oktyv_cache_misses{cache=\"db_items\"} 2");
        }
    }

    @Test
    void withTheDatabaseDownACachedItemIsServedStaleAndEverythingElseIs503WithRetryAfter() throws Exception {
        ManualTime time = new ManualTime();
        DatabaseEngine db = h2("items-options-stale");
        try (DatabaseItemBackend items = new DatabaseItemBackend(db, ItemStoreOptions.none()
                .withCache(CacheConfig.of("db_items", Duration.ofSeconds(10), 100)
                        .withStaleRetention(Duration.ofMinutes(10))), new MetricsCollector(), time)) {
            Item a = items.create("apple", "1");
            Item b = items.create("pear", "2");
            assertThat(items.find(a.id())).hasValueSatisfying(f -> assertThat(f.stale()).isFalse());
            assertThat(items.find(99)).isEmpty();                 // "absent" is cached too
            time.advance(Duration.ofSeconds(42));
            db.close();                                           // the pool refuses: the database is down
            Found stale = items.find(a.id()).orElseThrow();
            assertThat(stale.item()).isEqualTo(a);
            assertThat(stale.stale()).isTrue();
            assertThat(stale.age()).isEqualTo(Duration.ofSeconds(42));
            // Never read, so not cached: nothing to fall back on.
            assertUnavailable(() -> items.find(b.id()));
            // A cached "no such item" is not repeated as a fact while nobody can check it.
            assertUnavailable(() -> items.find(99));
            assertUnavailable(() -> items.create("plum", "3"));
        } finally {
            db.close();
        }
    }

    @Test
    void withoutStaleRetentionTheCacheIsNoFallback() throws Exception {
        ManualTime time = new ManualTime();
        DatabaseEngine db = h2("items-options-no-stale");
        try (DatabaseItemBackend items = new DatabaseItemBackend(db, ItemStoreOptions.none()
                .withCache(CacheConfig.of("db_items", Duration.ofSeconds(10), 100)), new MetricsCollector(), time)) {
            Item a = items.create("apple", "1");
            items.find(a.id());
            time.advance(Duration.ofSeconds(11));
            db.close();
            assertUnavailable(() -> items.find(a.id()));
        } finally {
            db.close();
        }
    }

    private static void assertUnavailable(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("database_unavailable");
            assertThat(e.retryAfter()).contains(DatabaseItemBackend.RETRY_AFTER);
            assertThat(e.getMessage()).doesNotContain("jdbc:", "SELECT", "INSERT");
        });
    }

    @Test
    void concurrentCreatesShareOneBatch() throws Exception {
        // maxWait of an hour: the creates can only finish within the test's deadline if they are flushed together
        // at maxBatchSize, i.e. if the backend really groups them.
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (DatabaseEngine db = h2("items-options-batch");
             DatabaseItemBackend items = new DatabaseItemBackend(db, ItemStoreOptions.none()
                     .withInsertBatching(new BatcherConfig(4, Duration.ofHours(1))), new MetricsCollector())) {
            List<Future<Item>> created = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                created.add(threads.submit(() -> items.create("item-" + n, "x")));
            }
            for (Future<Item> f : created) {
                Item item = f.get(20, TimeUnit.SECONDS);
                assertThat(items.find(item.id()).map(Found::item)).contains(item);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
