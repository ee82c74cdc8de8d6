package dev.oktyv.probes.recovery.database;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import dev.oktyv.system.monitoring.health.HealthChecker;
import dev.oktyv.system.monitoring.health.HealthContext;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Request;
import dev.oktyv.system.service.Response;
import dev.oktyv.system.service.adapters.DatabaseItemBackend;
import dev.oktyv.system.service.adapters.ItemStoreOptions;
import dev.oktyv.system.service.health.DatabaseDependency;
import dev.oktyv.system.service.routes.DbGetItemRoute;
import dev.oktyv.system.service.routes.ItemBackend.Item;
import dev.oktyv.system.time.NanoClock;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the read path over a database engine. {@link #REAL} is the service's: {@code DatabaseItemBackend} with the
 * stale-serving cache ({@link ItemStoreOptions#servingStaleReads()}), reads through the {@code GET /db/items/{id}}
 * route (so "marked stale" means the route's headers), and {@code /health} from the engines' discovered checks.
 */
@FunctionalInterface
public interface ReadPathTarget {

    ReadPathTarget REAL = service(ItemStoreOptions.servingStaleReads());

    ReadPath open(DatabaseEngine db);

    /** The service's read path with these item-store options (tests weaken it: no cache, no stale retention). */
    static ReadPathTarget service(ItemStoreOptions options) {
        return db -> {
            // The cache's clock is the one extension point the probe drives: real time plus what it lets pass.
            AtomicLong passed = new AtomicLong();
            NanoClock clock = () -> System.nanoTime() + passed.get();
            DatabaseItemBackend backend = new DatabaseItemBackend(db, options, new MetricsCollector(), clock);
            DbGetItemRoute route = new DbGetItemRoute(backend);
            HealthChecker health = new HealthChecker();
            HealthCheckProvider.discover(HealthContext.builder()
                    .with(DatabaseDependency.class, new DatabaseDependency(db, options.readFallback())).build(),
                    ReadPathTarget.class.getClassLoader()).forEach(health::register);
            return new ReadPath() {
                @Override
                public Item create(String name, String data) {
                    return backend.create(name, data);
                }

                @Override
                public Read read(long id) throws Exception {
                    Response r = route.handle(new Request(HttpMethod.GET, "/db/items/" + id,
                            Map.of("id", Long.toString(id)), Map.of(), new byte[0]));
                    JsonObject o = JsonParser.parseString(new String(r.body(), StandardCharsets.UTF_8))
                            .getAsJsonObject();
                    Item item = new Item(o.get("id").getAsLong(), o.get("name").getAsString(),
                            o.get("data").getAsString());
                    boolean stale = "true".equals(r.headers().get(DbGetItemRoute.STALE_HEADER))
                            && DbGetItemRoute.STALE_WARNING.equals(r.headers().get("Warning"));
                    return new Read(Optional.of(item), stale);
                }

                @Override
                public void outliveFreshness() {
                    options.cache().ifPresent(c -> passed.addAndGet(c.ttl().toNanos() + 1));
                }

                @Override
                public HealthStatus health() {
                    return health.run().status();
                }

                @Override
                public void close() {
                    health.close();
                    backend.close();
                }
            };
        };
    }
}
