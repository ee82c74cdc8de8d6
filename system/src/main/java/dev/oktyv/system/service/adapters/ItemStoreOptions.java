package dev.oktyv.system.service.adapters;

import dev.oktyv.system.batch.BatcherConfig;
import dev.oktyv.system.cache.CacheConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Optimisations of {@link DatabaseItemBackend}, both off by default because both change what a client observes.
 *
 * @param cache          point reads of {@code GET /db/items/{id}} through a TTL cache: an item changed by another
 *                       writer of the table may be served old for up to the TTL. With a stale retention, an item
 *                       is also served while the database is down, for up to the TTL plus that retention; the
 *                       route marks such answers ({@code Warning: 110}, {@code Age}, {@code X-Oktyv-Stale})
 * @param insertBatching {@code POST /db/items} inserts grouped into JDBC batches: a create waits up to
 *                       {@code maxWait} for companions, and one failing row fails its whole batch (each request
 *                       still answers only after its row is committed)
 * @param insertTimeout  how long a create waits for its batch to commit
 */
public record ItemStoreOptions(Optional<CacheConfig> cache, Optional<BatcherConfig> insertBatching,
                               Duration insertTimeout) {

    public ItemStoreOptions {
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(insertBatching, "insertBatching");
        Objects.requireNonNull(insertTimeout, "insertTimeout");
        if (insertTimeout.isNegative() || insertTimeout.isZero()) {
            throw new IllegalArgumentException("insertTimeout must be positive, was " + insertTimeout);
        }
    }

    /**
     * Reads through a small cache (5 s TTL; this service is the table's only writer and every write invalidates)
     * that keeps serving an item, marked stale, for 10 minutes past its TTL while the database is down.
     */
    public static ItemStoreOptions servingStaleReads() {
        return none().withCache(CacheConfig.of("db_items", Duration.ofSeconds(5), 10_000)
                .withStaleRetention(Duration.ofMinutes(10)));
    }

    /** Whether item reads still answer (stale) while the database is down. */
    public boolean readFallback() {
        return cache.map(CacheConfig::servesStale).orElse(false);
    }

    public static ItemStoreOptions none() {
        return new ItemStoreOptions(Optional.empty(), Optional.empty(), Duration.ofSeconds(10));
    }

    public ItemStoreOptions withCache(CacheConfig config) {
        return new ItemStoreOptions(Optional.of(config), insertBatching, insertTimeout);
    }

    public ItemStoreOptions withInsertBatching(BatcherConfig config) {
        return new ItemStoreOptions(cache, Optional.of(config), insertTimeout);
    }
}
