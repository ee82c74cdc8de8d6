package dev.oktyv.probes.recovery.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.recovery.proxy.TimeoutToxic;
import dev.oktyv.probes.recovery.proxy.ToxicDirection;
import dev.oktyv.system.database.BackoffPolicy;
import dev.oktyv.system.database.ColumnValues;
import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseException;
import dev.oktyv.system.database.DatabaseTimeoutException;
import dev.oktyv.system.database.Identifier;
import dev.oktyv.system.database.SqlTemplate;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Database engine through the fault proxy's black hole (every answer swallowed), on H2 over TCP and on
 * PostgreSQL when {@code OKTYV_PG_URL} is set: a write fails with {@link DatabaseTimeoutException} within the
 * statement timeout + the network margin + a tolerance for a loaded machine, instead of hanging.
 */
@Timeout(120)
class StatementTimeoutThroughBlackHoleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration TOLERANCE = Duration.ofSeconds(5);
    private static final Identifier ID = Identifier.of("id");

    @Test
    void aWriteIntoTheBlackHoleFailsWithinTheTimeoutWithAClearError() throws Exception {
        try (DatabaseServers.Handle handle = H2TcpServers.fromEnvironment().start()) {
            for (DatabaseServer server : handle.servers()) {
                writeIntoTheHole(server);
            }
        }
    }

    private static void writeIntoTheHole(DatabaseServer server) throws Exception {
        Identifier table = Identifier.of("iclean_hole_" + UUID.randomUUID().toString().substring(0, 8));
        try (ProxiedDatabase p = new ProxiedDatabase(server, DatabaseTarget.REAL, 1, Duration.ofSeconds(5),
                BackoffPolicy.NONE, TIMEOUT); var direct = p.direct()) {
            p.db.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT NOT NULL)", table, ID));
            try {
                p.proxy.add(new TimeoutToxic(ToxicDirection.DOWNSTREAM, 1.0, Duration.ZERO));
                long start = System.nanoTime();
                CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
                    try {
                        p.db.insert(table, ColumnValues.of(ID, 1L));
                        return null;
                    } catch (DatabaseException e) {
                        return e;
                    }
                });
                Duration bound = TIMEOUT.plus(DatabaseConfig.NETWORK_TIMEOUT_MARGIN).plus(TOLERANCE);
                Throwable e = failure.get(bound.toMillis(), TimeUnit.MILLISECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(e).as(server.name()).isInstanceOf(DatabaseTimeoutException.class)
                        .hasMessageContaining("timed out").hasMessageContaining("statement timeout")
                        .hasMessageContaining("insert on table '" + table + "'");
                // Not earlier than the statement timeout: the server had its chance to answer.
                assertThat(took).as(server.name()).isGreaterThanOrEqualTo(TIMEOUT);
                p.proxy.removeAll();
            } finally {
                try (Statement s = direct.createStatement()) {
                    s.execute("DROP TABLE \"" + table.name() + "\"");
                }
            }
        }
    }
}
