package dev.oktyv.probes.security.database;

/** The engine's connection pool, driven by a probe. */
public interface PoolSurface extends AutoCloseable {

    /** Runs {@code whileHeld} while holding one connection of the pool; throws when none can be had in time. */
    void holdConnection(Runnable whileHeld);

    @Override
    void close();
}
