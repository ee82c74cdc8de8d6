package dev.oktyv.probes.recovery.database;

import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.monitoring.health.HealthChecker;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.service.adapters.DatabaseItemBackend;
import dev.oktyv.system.service.routes.ItemBackend.Item;
import java.time.Duration;

/**
 * Builds the read path over a database engine. {@link #REAL} is today's service: {@code DatabaseItemBackend}
 * with no fallback, and the database registered as a critical health check as {@code oktyv-bench serve} does.
 * The stale-serving cache of the optimiser work (issue 15) is expected to plug in here.
 */
@FunctionalInterface
public interface ReadPathTarget {

    ReadPathTarget REAL = db -> {
        DatabaseItemBackend backend = new DatabaseItemBackend(db);
        HealthChecker health = new HealthChecker();
        health.register("database", Duration.ofSeconds(2), true,
                () -> db.healthCheck().up() ? HealthStatus.UP : HealthStatus.DOWN);
        return new ReadPath() {
            @Override
            public Item create(String name, String data) {
                return backend.create(name, data);
            }

            @Override
            public Read read(long id) {
                return new Read(backend.find(id), false);
            }

            @Override
            public HealthStatus health() {
                return health.run().status();
            }

            @Override
            public void close() {
                health.close();
            }
        };
    };

    ReadPath open(DatabaseEngine db);
}
