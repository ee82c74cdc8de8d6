package dev.oktyv.probes.security.database;

import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.system.database.ConnectionMode;
import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The databases the database probes' tests attack: H2 always, PostgreSQL when OKTYV_PG_URL is set. */
final class TestDatabases {

    static final String PG_ENV = "OKTYV_PG_URL";

    private TestDatabases() {
    }

    static SecurityTarget target(List<DatabaseUnderTest> dbs, Path scratch) {
        return SecurityTarget.builder().with(DatabaseTarget.class, DatabaseTarget.of(dbs)).scratchDir(scratch).build();
    }

    static String h2Url() {
        return "jdbc:h2:mem:probe-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    static SecretResolver resolver(Map<String, String> values) {
        return ref -> {
            String v = values.get(ref.vault() + "/" + ref.key());
            if (v == null) {
                throw new SecretNotFoundException(ref);
            }
            return Secret.of(v);
        };
    }

    static DatabaseUnderTest h2() {
        return new EngineDatabase("H2 (embedded)", DatabaseConfig.builder().jdbcUrl(h2Url()).build(), resolver(Map.of()));
    }

    /** H2, plus PostgreSQL when {@value #PG_ENV} is set. */
    static List<DatabaseUnderTest> real() {
        List<DatabaseUnderTest> dbs = new ArrayList<>(List.of(h2()));
        String pg = System.getenv(PG_ENV);
        if (pg != null && !pg.isBlank()) {
            dbs.add(new EngineDatabase("PostgreSQL", DatabaseConfig.builder().jdbcUrl(pg)
                    .connectionTimeout(Duration.ofSeconds(5)).build(), resolver(Map.of())));
        }
        return dbs;
    }

    /** The real engine in its connection-per-query mode: no pool, so no limit. */
    static DatabaseUnderTest unpooled() {
        return new EngineDatabase("H2 without a pool", DatabaseConfig.builder().jdbcUrl(h2Url())
                .mode(ConnectionMode.CONNECTION_PER_QUERY).build(), resolver(Map.of()));
    }

    /** H2 behind SQL built by string concatenation. */
    static DatabaseUnderTest stringBuilt() {
        DatabaseUnderTest h2 = h2();
        return new DatabaseUnderTest() {
            @Override
            public String name() {
                return "H2 with string-built SQL";
            }

            @Override
            public DatabaseConfig config() {
                return h2.config();
            }

            @Override
            public SecretResolver secrets() {
                return h2.secrets();
            }

            @Override
            public SqlSurface openSurface() {
                return new StringBuiltSqlSurface(h2.config().jdbcUrl());
            }

            @Override
            public PoolSurface openPool(int maximumPoolSize, Duration connectionTimeout) {
                return h2.openPool(maximumPoolSize, connectionTimeout);
            }
        };
    }

    /** A database whose configuration is {@code config}, otherwise the real engine on H2. */
    static DatabaseUnderTest configured(String name, DatabaseConfig config, SecretResolver secrets) {
        return new EngineDatabase(name, config, secrets);
    }
}
