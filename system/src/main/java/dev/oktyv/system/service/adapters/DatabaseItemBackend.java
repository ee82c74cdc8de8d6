package dev.oktyv.system.service.adapters;

import dev.oktyv.system.database.ColumnValues;
import dev.oktyv.system.database.DatabaseBusyException;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.database.DatabaseException;
import dev.oktyv.system.database.Identifier;
import dev.oktyv.system.database.Row;
import dev.oktyv.system.database.Select;
import dev.oktyv.system.database.SortDirection;
import dev.oktyv.system.database.SqlTemplate;
import dev.oktyv.system.database.Where;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.routes.ItemBackend;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The Database engine behind the item routes: table {@code items(id BIGINT PRIMARY KEY, name VARCHAR(200),
 * payload VARCHAR(65536))}, created if absent (same DDL on H2 and PostgreSQL). Ids come from a counter seeded
 * with the table's highest id at start: the engine's insert does not return generated keys, and this service is
 * the table's only writer. A pool timeout becomes 503 (the client may retry); other engine failures a generic 500.
 */
public final class DatabaseItemBackend implements ItemBackend {

    public static final int MAX_NAME_CHARS = 200;
    public static final int MAX_PAYLOAD_CHARS = 65_536;

    private static final Identifier ITEMS = Identifier.of("items");
    private static final Identifier ID = Identifier.of("id");
    private static final Identifier NAME = Identifier.of("name");
    private static final Identifier PAYLOAD = Identifier.of("payload");

    private final DatabaseEngine db;
    private final AtomicLong lastId;

    public DatabaseItemBackend(DatabaseEngine db) {
        this.db = Objects.requireNonNull(db, "db");
        db.execute(SqlTemplate.of("CREATE TABLE IF NOT EXISTS {} ({} BIGINT PRIMARY KEY, {} VARCHAR("
                + MAX_NAME_CHARS + ") NOT NULL, {} VARCHAR(" + MAX_PAYLOAD_CHARS + ") NOT NULL)",
                ITEMS, ID, NAME, PAYLOAD));
        long max = db.queryOne(Select.from(ITEMS).columns(ID).orderBy(ID, SortDirection.DESC).limit(1).build())
                .map(r -> r.getLong(ID.name())).orElse(0L);
        this.lastId = new AtomicLong(max);
    }

    @Override
    public Optional<Item> find(long id) {
        return guarded(() -> db.queryOne(Select.from(ITEMS).columns(ID, NAME, PAYLOAD).where(Where.eq(ID, id)).build())
                .map(DatabaseItemBackend::toItem));
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
        guarded(() -> db.insert(ITEMS, ColumnValues.of(ID, id).with(NAME, name).with(PAYLOAD, data)));
        return new Item(id, name, data);
    }

    private static Item toItem(Row r) {
        return new Item(r.getLong(ID.name()), r.getString(NAME.name()), r.getString(PAYLOAD.name()));
    }

    private static <T> T guarded(Supplier<T> action) {
        try {
            return action.get();
        } catch (DatabaseBusyException e) {
            throw new ApiException(503, "busy", "the database is busy; retry later");
        } catch (DatabaseException e) {
            // The engine redacts URLs, but its messages still quote SQL: the client gets the category only.
            throw new ApiException(500, "database_error", "the database engine failed; see the service log");
        }
    }
}
