package dev.oktyv.bench.serve;

import dev.oktyv.system.service.adapters.ItemStoreOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The database the embedded service runs with and how its item routes use it.
 *
 * @param jdbcUrl           empty for a private H2 in-memory database
 * @param connectionTimeout longest wait for a pooled connection; with the database down, how long a write takes
 *                          to fail (503), so it bounds what a caller waits
 * @param items             the item routes' cache and batching; {@link ItemStoreOptions#none()} by default, because
 *                          a cache changes what the load scenarios measure
 */
public record ServiceDatabase(Optional<String> jdbcUrl, Duration connectionTimeout, ItemStoreOptions items) {

    public ServiceDatabase {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(items, "items");
    }

    /** @param jdbcUrl null for a private H2 in-memory database */
    public static ServiceDatabase of(String jdbcUrl) {
        return new ServiceDatabase(Optional.ofNullable(jdbcUrl), Duration.ofSeconds(5), ItemStoreOptions.none());
    }

    public ServiceDatabase withConnectionTimeout(Duration timeout) {
        return new ServiceDatabase(jdbcUrl, timeout, items);
    }

    public ServiceDatabase withItems(ItemStoreOptions options) {
        return new ServiceDatabase(jdbcUrl, connectionTimeout, options);
    }
}
