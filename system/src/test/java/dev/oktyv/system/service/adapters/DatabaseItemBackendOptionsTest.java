package dev.oktyv.system.service.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.batch.BatcherConfig;
import dev.oktyv.system.cache.CacheConfig;
import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.prometheus.PrometheusTextFormat;
import dev.oktyv.system.service.routes.ItemBackend.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
            assertThat(items.find(a.id())).contains(a);           // miss
            assertThat(items.find(a.id())).contains(a);           // hit
            assertThat(items.find(a.id())).contains(a);           // hit
            var counts = items.cacheCounts().orElseThrow();
            assertThat(counts.hits()).isEqualTo(2);
            assertThat(counts.misses()).isEqualTo(2);
            assertThat(PrometheusTextFormat.write(metrics.snapshot()))
                    .contains("oktyv_cache_hits{cache=\"db_items\"} 2", "oktyv_cache_misses{cache=\"db_items\"} 2");
        }
    }

    @Test
    void theItemRoutesRefuseStaleServing() {
        CacheConfig stale = CacheConfig.of("db_items", Duration.ofMinutes(5), 10).withStaleRetention(Duration.ofMinutes(1));
        assertThatThrownBy(() -> ItemStoreOptions.none().withCache(stale)).hasMessageContaining("PT1M");
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
                assertThat(items.find(item.id())).contains(item);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
