package dev.oktyv.probes.recovery.database;

import java.util.List;

/**
 * The database servers the database probes run against: H2 in TCP server mode always, and the machine's
 * PostgreSQL as well when {@code OKTYV_PG_URL} is set. Each probe judges every server.
 */
@FunctionalInterface
public interface DatabaseServers {

    /** Starts (or connects to) the servers; closing the handle stops what was started. */
    Handle start() throws Exception;

    interface Handle extends AutoCloseable {
        List<DatabaseServer> servers();

        @Override
        void close();
    }
}
