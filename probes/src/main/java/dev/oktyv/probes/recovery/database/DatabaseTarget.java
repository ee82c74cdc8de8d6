package dev.oktyv.probes.recovery.database;

import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseEngine;

/**
 * Opens the Database engine with the configuration a probe chose (URL through the proxy, pool size, timeouts).
 * Tests register weakened ones that bend the configuration.
 */
@FunctionalInterface
public interface DatabaseTarget {

    DatabaseTarget REAL = config -> DatabaseEngine.open(config, reference -> {
        throw new IllegalArgumentException("recovery probes use no vault: references are not resolved");
    });

    DatabaseEngine open(DatabaseConfig config);
}
