package dev.oktyv.probes.security.database;

import java.util.List;

/**
 * What the database probes attack: the databases a deployment uses (embedded H2 always, PostgreSQL when
 * {@code OKTYV_PG_URL} is set), each through the engine's entry points. The command registers
 * {@link EngineDatabase}s; a test registers weakened ones (string-built SQL, no pool limit).
 */
public interface DatabaseTarget {

    List<DatabaseUnderTest> databases();

    static DatabaseTarget of(List<DatabaseUnderTest> databases) {
        List<DatabaseUnderTest> copy = List.copyOf(databases);
        return () -> copy;
    }
}
