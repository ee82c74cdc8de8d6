package dev.oktyv.system.service.adapters;

import dev.oktyv.system.batch.BatchFailedException;
import dev.oktyv.system.batch.Batcher;
import dev.oktyv.system.batch.ScheduledBatchTimer;
import dev.oktyv.system.cache.CacheCounts;
import dev.oktyv.system.cache.CacheRead;
import dev.oktyv.system.database.ColumnValues;
import dev.oktyv.system.database.DatabaseBusyException;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.database.DatabaseException;
import dev.oktyv.system.database.Identifier;
import dev.oktyv.system.database.PrimaryKeyCache;
import dev.oktyv.system.database.Row;
import dev.oktyv.system.database.Select;
import dev.oktyv.system.database.SortDirection;
import dev.oktyv.system.database.SqlTemplate;
import dev.oktyv.system.database.Where;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.service.routes.ItemBackend;
import dev.oktyv.system.time.NanoClock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The Database engine behind the item routes: table {@code items(id BIGINT PRIMARY KEY, name VARCHAR(200),
 * payload VARCHAR(65536))}, created if absent (same DDL on H2 and PostgreSQL). Ids come from a counter seeded
 * with the table's highest id at start: the engine's insert does not return generated keys, and this service is
 * the table's only writer. A pool timeout becomes 503 (the client may retry); other engine failures a generic 500.
 * Caching and insert batching are optional ({@link ItemStoreOptions}); close the backend to stop the batcher.
 */
public final class DatabaseItemBackend implements ItemBackend, AutoCloseable {

    public static final int MAX_NAME_CHARS = 200;
    public static final int MAX_PAYLOAD_CHARS = 65_536;
    /** What {@code Retry-After} tells a client when the database is down: long enough not to hammer it. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private static final Identifier ITEMS = Identifier.of("items");
    private static final Identifier ID = Identifier.of("id");
    private static final Identifier NAME = Identifier.of("name");
    private static final Identifier PAYLOAD = Identifier.of("payload");

    private final DatabaseEngine db;
    private final AtomicLong lastId;
    private final ItemStoreOptions options;
    private final PrimaryKeyCache cache;
    private final ScheduledExecutorService batchTimer;
    private final Batcher<ColumnValues> batcher;

    public DatabaseItemBackend(DatabaseEngine db) {
        this(db, ItemStoreOptions.none(), new MetricsCollector());
    }

    /** @param metrics where the cache's hit/miss/eviction counters go (the service's {@code /metrics} collector) */
    public DatabaseItemBackend(DatabaseEngine db, ItemStoreOptions options, MetricsCollector metrics) {
        this(db, options, metrics, NanoClock.SYSTEM);
    }

    /** @param clock drives the cache's TTL and the age of stale answers; tests pass a {@code ManualTime} */
    public DatabaseItemBackend(DatabaseEngine db, ItemStoreOptions options, MetricsCollector metrics, NanoClock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.options = Objects.requireNonNull(options, "options");
        db.execute(SqlTemplate.of("CREATE TABLE IF NOT EXISTS {} ({} BIGINT PRIMARY KEY, {} VARCHAR("
                + MAX_NAME_CHARS + ") NOT NULL, {} VARCHAR(" + MAX_PAYLOAD_CHARS + ") NOT NULL)",
                ITEMS, ID, NAME, PAYLOAD));
        long max = db.queryOne(Select.from(ITEMS).columns(ID).orderBy(ID, SortDirection.DESC).limit(1).build())
                .map(r -> r.getLong(ID.name())).orElse(0L);
        this.lastId = new AtomicLong(max);
        this.cache = options.cache().map(c -> new PrimaryKeyCache(db, ITEMS, ID, List.of(ID, NAME, PAYLOAD), c,
                clock, metrics)).orElse(null);
        if (options.insertBatching().isPresent()) {
            batchTimer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "oktyv-item-batcher");
                t.setDaemon(true);
                return t;
            });
            batcher = db.insertBatcher(ITEMS, options.insertBatching().get(), new ScheduledBatchTimer(batchTimer));
        } else {
            batchTimer = null;
            batcher = null;
        }
    }

    @Override
    public Optional<Found> find(long id) {
        if (cache != null) {
            return guarded(() -> fromCache(cache.find(id)));
        }
        return guarded(() -> db.queryOne(Select.from(ITEMS).columns(ID, NAME, PAYLOAD).where(Where.eq(ID, id)).build())
                .map(r -> Found.fresh(toItem(r))));
    }

    private static Optional<Found> fromCache(CacheRead<Optional<Row>> read) {
        if (read.stale() && read.value().isEmpty()) {
            // "No such item" from before the outage: a 404 would state as fact what nobody can check right now.
            throw unavailable();
        }
        return read.value().map(r -> new Found(toItem(r), read.stale(), read.age()));
    }

    /** The cache's counts; empty when caching is off. */
    public Optional<CacheCounts> cacheCounts() {
        return Optional.ofNullable(cache).map(PrimaryKeyCache::counts);
    }

    @Override
    public Item create(String name, String data) {
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS) {
            throw ApiException.badRequest("field 'name' must have 1.." + MAX_NAME_CHARS + " characters");
        }
        if (data.length() > MAX_PAYLOAD_CHARS) {
            throw ApiException.badRequest("field 'data' must have at most " + MAX_PAYLOAD_CHARS + " characters");
        }
        long id = lastId.incrementAndGet();
        ColumnValues row = ColumnValues.of(ID, id).with(NAME, name).with(PAYLOAD, data);
        if (batcher != null) {
            guarded(() -> awaitBatch(row));
        } else if (cache != null) {
            guarded(() -> cache.insert(row));
        } else {
            guarded(() -> db.insert(ITEMS, row));
        }
        return new Item(id, name, data);
    }

    private int awaitBatch(ColumnValues row) {
        try {
            batcher.submit(row).get(options.insertTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return 1;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof BatchFailedException b ? b.getCause() : e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new DatabaseException("batched insert failed: " + cause, null, cause);
        } catch (TimeoutException e) {
            throw ApiException.unavailable("busy", "the insert was not committed within " + options.insertTimeout()
                    + "; retry later", RETRY_AFTER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while waiting for the insert batch", null, e);
        } finally {
            if (cache != null) {
                cache.invalidate(row.values().get(0));
            }
        }
    }

    @Override
    public void close() {
        if (batcher != null) {
            batcher.close();
            batchTimer.shutdownNow();
        }
    }

    private static ApiException unavailable() {
        return ApiException.unavailable("database_unavailable", "the database is unavailable; retry later",
                RETRY_AFTER);
    }

    private static Item toItem(Row r) {
        return new Item(r.getLong(ID.name()), r.getString(NAME.name()), r.getString(PAYLOAD.name()));
    }

    private static <T> T guarded(Supplier<T> action) {
        try {
            return action.get();
        } catch (DatabaseBusyException e) {
            throw ApiException.unavailable("busy", "the database is busy; retry later", RETRY_AFTER);
        } catch (DatabaseException e) {
            if (PrimaryKeyCache.databaseDown(e)) {
                throw unavailable();
            }
            // The engine redacts URLs, but its messages still quote SQL: the client gets the category only.
            throw new ApiException(500, "database_error", "the database engine failed; see the service log");
        }
    }
}
