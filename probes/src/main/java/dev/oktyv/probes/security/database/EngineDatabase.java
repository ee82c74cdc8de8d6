package dev.oktyv.probes.security.database;

import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.secret.SecretResolver;
import dev.oktyv.system.secret.SecretNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

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

    /** The variable that points the probes at a PostgreSQL database as well as the embedded H2. */
    public static final String PG_URL_VARIABLE = "OKTYV_PG_URL";

    /**
     * The databases a security run attacks: a fresh in-memory H2, plus PostgreSQL at {@value #PG_URL_VARIABLE} when
     * that is set. Credentials may only come from the URL's user parameter here (no vault is configured for a run).
     */
    public static List<DatabaseUnderTest> configured(Map<String, String> environment) {
        List<DatabaseUnderTest> dbs = new ArrayList<>();
        SecretResolver none = ref -> {
            throw new SecretNotFoundException(ref);
        };
        dbs.add(new EngineDatabase("H2 (embedded)", DatabaseConfig.builder()
                .jdbcUrl("jdbc:h2:mem:oktyv-security-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build(), none));
        String pg = environment.get(PG_URL_VARIABLE);
        if (pg != null && !pg.isBlank()) {
            dbs.add(new EngineDatabase("PostgreSQL (" + PG_URL_VARIABLE + ")", DatabaseConfig.builder().jdbcUrl(pg)
                    .connectionTimeout(Duration.ofSeconds(5)).build(), none));
        }
        return dbs;
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
                maximumPoolSize, connectionTimeout, config.idleTimeout(), config.mode(), config.retry(),
                config.connectionRetry(), config.statementTimeout());
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
