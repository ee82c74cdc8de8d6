package dev.oktyv.probes.recovery.database;

import dev.oktyv.probes.recovery.Judgement;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.probes.recovery.proxy.DownToxic;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.system.database.DatabaseException;
import dev.oktyv.system.database.HealthStatus;
import dev.oktyv.system.database.SqlTemplate;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The database goes {@code down} behind the proxy for {@value #OUTAGE_SECONDS} s, then returns. While it is down,
 * every operation must end in one clear error within the configured connection timeout (+ a margin for the
 * validation of the dead pooled connection), not hang; once it is back, operations succeed again, and the pool,
 * read from the engine's own {@code HealthStatus.PoolStats}, is within its configured size with nothing active
 * (no leaked connection), matched by the number of connections the proxy carries.
 *
 * <p>Not judged, because the engine has no such behaviour to observe: a connection-retry schedule. The Database
 * engine retries whole transactions on 40001/40P01 only ({@code TransactionRetryPolicy}); a connection failure
 * surfaces at once as {@code DatabaseConnectionException}, and HikariCP's internal re-connection publishes no
 * events. The evidence says so instead of inventing attempts.
 */
public final class ConnectionFailureProbe implements RecoveryProbe {

    static final int OUTAGE_SECONDS = 3;
    static final int POOL_SIZE = 4;
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1_000);
    /** Per failing operation on top of the timeout: HikariCP validates a dead idle connection before waiting. */
    static final Duration MARGIN = Duration.ofMillis(600);
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(10);
    private static final Duration PACE = Duration.ofMillis(50);

    @Override
    public String id() {
        return "connection-failure";
    }

    @Override
    public String title() {
        return "Connection Failure Recovery";
    }

    @Override
    public ProbeOutcome run(RecoveryTargets targets) throws Exception {
        var target = targets.get(DatabaseTarget.class);
        var serverSource = targets.get(DatabaseServers.class);
        if (target.isEmpty() || serverSource.isEmpty()) {
            return ProbeOutcome.notRun(id(), title(), "no database target or server configured");
        }
        Judgement j = new Judgement();
        double worstRecoveryMillis = Double.NaN;
        int servers;
        try (DatabaseServers.Handle handle = serverSource.get().start()) {
            servers = handle.servers().size();
            for (DatabaseServer server : handle.servers()) {
                double r = probe(server, target.get(), j);
                worstRecoveryMillis = Double.isNaN(worstRecoveryMillis) ? r : Math.max(worstRecoveryMillis, r);
            }
        }
        j.observe("TransactionRetryPolicy", "connection-retry schedule not applicable: the engine retries only"
                + " SQLState 40001/40P01 transactions, connection failures surface at once");
        return j.outcome(this, "database behind the proxy: down for " + OUTAGE_SECONDS + " s",
                String.format(Locale.ROOT, "Recovered %.0f ms after the database returned (slowest of %d %s),"
                        + " pool back to size", worstRecoveryMillis, servers, servers == 1 ? "server" : "servers"), worstRecoveryMillis, OptionalInt.empty());
    }

    private double probe(DatabaseServer server, DatabaseTarget target, Judgement j) throws Exception {
        try (ProxiedDatabase p = new ProxiedDatabase(server, target, POOL_SIZE, CONNECTION_TIMEOUT)) {
            SqlTemplate ping = SqlTemplate.of("SELECT 1");
            p.db.execute(ping);
            Duration timeout = p.config.connectionTimeout();
            long limitNanos = timeout.plus(MARGIN).toNanos();
            DownToxic down = new DownToxic();
            p.proxy.add(down);
            long outageEnd = System.nanoTime() + Duration.ofSeconds(OUTAGE_SECONDS).toNanos();
            int failed = 0;
            int succeeded = 0;
            long slowestNanos = 0;
            String error = "none";
            while (System.nanoTime() < outageEnd) {
                long start = System.nanoTime();
                try {
                    p.db.execute(ping);
                    succeeded++;
                } catch (DatabaseException e) {
                    failed++;
                    error = e.getClass().getSimpleName() + " (SQLState " + e.sqlState() + ")";
                }
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
                // Paced like a steady caller; a hot loop would only measure how fast failures can be thrown.
                Thread.sleep(PACE.toMillis());
            }
            p.proxy.remove(down);
            j.require(succeeded == 0 && failed > 0 && slowestNanos <= limitNanos, "DatabaseEngine",
                    String.format(Locale.ROOT, "%s down: %d operation(s) failed with %s, %d succeeded, slowest %.0f ms"
                                    + " (limit: connection timeout %d ms + %d ms)", server.name(), failed, error,
                            succeeded, slowestNanos / 1e6, timeout.toMillis(), MARGIN.toMillis()));
            long back = System.nanoTime();
            long deadline = back + RECOVERY_DEADLINE.toNanos();
            double recoveryMillis = Double.NaN;
            String lastError = "none";
            while (System.nanoTime() < deadline) {
                try {
                    p.db.execute(ping);
                    recoveryMillis = (System.nanoTime() - back) / 1e6;
                    break;
                } catch (DatabaseException e) {
                    lastError = e.getClass().getSimpleName() + " (SQLState " + e.sqlState() + ")";
                    Thread.sleep(PACE.toMillis());
                }
            }
            j.require(!Double.isNaN(recoveryMillis), "DatabaseEngine", String.format(Locale.ROOT,
                    "%s back: first success after %.0f ms (deadline %d s, last error %s)", server.name(),
                    recoveryMillis, RECOVERY_DEADLINE.toSeconds(), lastError));
            HealthStatus health = p.db.healthCheck();
            var pool = health.pool();
            j.require(health.up() && pool.isPresent() && pool.get().active() == 0
                            && pool.get().total() <= POOL_SIZE && p.proxy.openConnections() <= POOL_SIZE,
                    "HealthStatus.PoolStats", server.name() + " pool after recovery: "
                            + pool.map(s -> "active " + s.active() + ", idle " + s.idle() + ", total " + s.total())
                            .orElse("no pool") + " (configured " + POOL_SIZE + "); proxied connections "
                            + p.proxy.openConnections());
            return recoveryMillis;
        }
    }
}
