package dev.oktyv.probes.security.database;

import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.secret.SecretResolver;
import java.time.Duration;
import java.util.Objects;

/** A database reached through the real {@link DatabaseEngine} with the deployment's configuration. */
public final class EngineDatabase implements DatabaseUnderTest {

    private final String name;
    private final DatabaseConfig config;
    private final SecretResolver secrets;

    public EngineDatabase(String name, DatabaseConfig config, SecretResolver secrets) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DatabaseConfig config() {
        return config;
    }

    @Override
    public SecretResolver secrets() {
        return secrets;
    }

    @Override
    public SqlSurface openSurface() {
        return new EngineSqlSurface(DatabaseEngine.open(config, secrets));
    }

    @Override
    public PoolSurface openPool(int maximumPoolSize, Duration connectionTimeout) {
        DatabaseConfig sized = new DatabaseConfig(config.jdbcUrl(), config.username(), config.password(),
                maximumPoolSize, connectionTimeout, config.idleTimeout(), config.mode(), config.retry());
        DatabaseEngine engine = DatabaseEngine.open(sized, secrets);
        return new PoolSurface() {
            @Override
            public void holdConnection(Runnable whileHeld) {
                engine.transaction(tx -> {
                    whileHeld.run();
                    return null;
                });
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }
}
