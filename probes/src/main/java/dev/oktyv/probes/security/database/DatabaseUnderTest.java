package dev.oktyv.probes.security.database;

import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.secret.SecretResolver;
import java.time.Duration;

/** One database as the engine reaches it. */
public interface DatabaseUnderTest {

    /** For evidence: "H2 (embedded)", "PostgreSQL 127.0.0.1:5432/test"; never credentials. */
    String name();

    /** The configuration as deployed: URL, credentials (literal or vault references), pool. */
    DatabaseConfig config();

    /** Resolves the configuration's vault references, so the credential probe can look for their values. */
    SecretResolver secrets();

    /** The engine's input-taking entry points over two fresh probe tables; closing drops them. */
    SqlSurface openSurface();

    /** The engine with this pool size and connection timeout. */
    PoolSurface openPool(int maximumPoolSize, Duration connectionTimeout);
}
