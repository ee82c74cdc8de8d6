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
 *                       writer of the table may be served old for up to the TTL. Stale serving is refused here:
 *                       the item routes have no way to mark an answer as stale, so they must not give one
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
        cache.ifPresent(c -> {
            if (c.servesStale()) {
                throw new IllegalArgumentException("cache " + c.name() + ": the item routes cannot mark a stale answer,"
                        + " so staleRetention must be zero, was " + c.staleRetention());
            }
        });
        if (insertTimeout.isNegative() || insertTimeout.isZero()) {
            throw new IllegalArgumentException("insertTimeout must be positive, was " + insertTimeout);
        }
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
