package dev.oktyv.probes.recovery.database;

import dev.oktyv.probes.recovery.Judgement;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.probes.recovery.proxy.TimeoutToxic;
import dev.oktyv.probes.recovery.proxy.ToxicDirection;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.system.database.BackoffPolicy;
import dev.oktyv.system.database.ColumnValues;
import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseTimeoutException;
import dev.oktyv.system.database.Identifier;
import dev.oktyv.system.database.SqlTemplate;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A write on a connection whose answers are swallowed (the proxy's {@code timeout} toxic with no end: a black hole,
 * as a dead peer behind a firewall that drops instead of resetting). The engine must give up within its statement
 * timeout plus the network margin, with a {@link DatabaseTimeoutException}, instead of blocking its caller forever;
 * once the hole is gone, the next write must succeed (the dead connection left the pool). Judged from what the
 * engine throws and when, on the caller's thread.
 */
public final class BlackHoledWriteProbe implements RecoveryProbe {

    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);
    /** Generous for a loaded 2-core machine; an engine without a timeout is still blocked long after it. */
    static final Duration TOLERANCE = Duration.ofSeconds(6);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(10);
    private static final Identifier ID = Identifier.of("id");

    @Override
    public String id() {
        return "database-black-hole";
    }

    @Override
    public String title() {
        return "Black-Holed Database Write";
    }

    @Override
    public ProbeOutcome run(RecoveryTargets targets) throws Exception {
        var target = targets.get(DatabaseTarget.class);
        var servers = targets.get(DatabaseServers.class);
        if (target.isEmpty() || servers.isEmpty()) {
            return ProbeOutcome.notRun(id(), title(), "no database target or server configured");
        }
        Judgement j = new Judgement();
        double slowestRecovery = Double.NaN;
        try (DatabaseServers.Handle handle = servers.get().start()) {
            for (DatabaseServer server : handle.servers()) {
                double r = probe(server, target.get(), j);
                slowestRecovery = Double.isNaN(slowestRecovery) ? r : Math.max(slowestRecovery, r);
            }
        }
        return j.outcome(this, "every answer of the database swallowed (timeout toxic, no end) during one insert;"
                + " statement timeout " + STATEMENT_TIMEOUT.toSeconds() + " s",
                "The write failed with a timeout instead of hanging, and the next write succeeded", slowestRecovery,
                OptionalInt.empty());
    }

    /** @return milliseconds from the hole's removal to the next successful write, NaN when there was none */
    private double probe(DatabaseServer server, DatabaseTarget target, Judgement j) throws Exception {
        Identifier table = Identifier.of("recovery_hole_" + UUID.randomUUID().toString().substring(0, 8));
        Duration bound = STATEMENT_TIMEOUT.plus(DatabaseConfig.NETWORK_TIMEOUT_MARGIN).plus(TOLERANCE);
        ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "black-hole-caller");
            t.setDaemon(true); // a write that hangs for good must not keep the JVM alive
            return t;
        });
        try (ProxiedDatabase p = new ProxiedDatabase(server, target, 2, CONNECTION_TIMEOUT, BackoffPolicy.NONE,
                STATEMENT_TIMEOUT); Connection direct = p.direct()) {
            p.db.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT NOT NULL)", table, ID));
            try {
                p.db.insert(table, ColumnValues.of(ID, 1L));
                TimeoutToxic hole = new TimeoutToxic(ToxicDirection.DOWNSTREAM, 1.0, Duration.ZERO);
                p.proxy.add(hole);
                long start = System.nanoTime();
                Future<?> write = caller.submit(() -> p.db.insert(table, ColumnValues.of(ID, 2L)));
                Throwable thrown;
                try {
                    write.get(bound.toMillis(), TimeUnit.MILLISECONDS);
                    thrown = null;
                } catch (ExecutionException e) {
                    thrown = e.getCause();
                } catch (TimeoutException e) {
                    j.require(false, "DatabaseEngine", server.name() + ": the insert was still blocked "
                            + bound.toSeconds() + " s into the black hole (statement timeout "
                            + STATEMENT_TIMEOUT.toSeconds() + " s): a dead connection hangs its caller");
                    // Closing the proxy's connections ends the blocked read, so the caller thread does not linger.
                    p.proxy.close();
                    return Double.NaN;
                }
                long tookMillis = (System.nanoTime() - start) / 1_000_000;
                j.require(thrown instanceof DatabaseTimeoutException, "DatabaseEngine", server.name()
                        + ": the insert into the black hole ended after " + tookMillis + " ms with "
                        + (thrown == null ? "success (the fault did not act)" : thrown.getClass().getSimpleName()
                        + ": " + firstLine(thrown.getMessage())));
                p.proxy.remove(hole);
                return recovery(p, table, server, j);
            } finally {
                try (Statement s = direct.createStatement()) {
                    s.execute("DROP TABLE \"" + table.name() + "\"");
                }
            }
        } finally {
            caller.shutdownNow();
        }
    }

    /** The next write after the hole is gone, on the engine's pool: the dead connection must not be handed out. */
    private static double recovery(ProxiedDatabase p, Identifier table, DatabaseServer server, Judgement j) {
        long start = System.nanoTime();
        long deadline = start + RECOVERY_DEADLINE.toNanos();
        String last = "none tried";
        while (System.nanoTime() < deadline) {
            try {
                p.db.insert(table, ColumnValues.of(ID, 3L));
                double millis = (System.nanoTime() - start) / 1e6;
                j.require(true, "DatabaseEngine", server.name() + ": the next write succeeded "
                        + Math.round(millis) + " ms after the hole was removed");
                return millis;
            } catch (RuntimeException e) {
                last = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
            }
        }
        j.require(false, "DatabaseEngine", server.name() + ": no write succeeded within "
                + RECOVERY_DEADLINE.toSeconds() + " s of the hole's removal; last: " + last);
        return Double.NaN;
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
