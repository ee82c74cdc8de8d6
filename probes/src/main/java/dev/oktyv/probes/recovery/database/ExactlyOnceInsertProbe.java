package dev.oktyv.probes.recovery.database;

import dev.oktyv.probes.recovery.Judgement;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.probes.recovery.proxy.ResetPeerToxic;
import dev.oktyv.probes.recovery.proxy.LatencyToxic;
import dev.oktyv.probes.recovery.proxy.ToxicDirection;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.system.database.ColumnValues;
import dev.oktyv.system.database.Identifier;
import dev.oktyv.system.database.SqlTemplate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Inserts through {@code reset_peer} faults, aimed at the worst moment: the server has committed the row but its
 * answer has not arrived (a {@code latency} toxic downstream), and the connection is reset. Each insert must
 * either have failed visibly to its caller or be present exactly once: an acknowledged insert that is missing is
 * data loss, one present twice is a non-idempotent retry. Presence is counted around the proxy, on a direct
 * connection, never through the engine under test.
 */
public final class ExactlyOnceInsertProbe implements RecoveryProbe {

    static final int INSERTS = 12;
    /** Every third insert meets the ambiguous fault. */
    static final int FAULT_EVERY = 3;
    /**
     * Answers are delayed, not dropped: H2 prepares a statement in its own round trip, so a black hole would stop
     * the INSERT before it is sent. With every answer late, the commit becomes visible while its answer is still on
     * the way, and the reset lands exactly there.
     */
    static final Duration ANSWER_DELAY = Duration.ofMillis(500);
    /** Long enough for a pool validation round trip under {@link #ANSWER_DELAY}. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration VISIBLE_DEADLINE = Duration.ofSeconds(3);
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(5);
    private static final Identifier ID = Identifier.of("id");

    @Override
    public String id() {
        return "exactly-once";
    }

    @Override
    public String title() {
        return "Exactly-Once Inserts Under Connection Resets";
    }

    @Override
    public ProbeOutcome run(RecoveryTargets targets) throws Exception {
        var target = targets.get(DatabaseTarget.class);
        var servers = targets.get(DatabaseServers.class);
        var inserts = targets.get(InsertPath.class);
        if (target.isEmpty() || servers.isEmpty() || inserts.isEmpty()) {
            return ProbeOutcome.notRun(id(), title(), "no database target, server or insert path configured");
        }
        Judgement j = new Judgement();
        try (DatabaseServers.Handle handle = servers.get().start()) {
            for (DatabaseServer server : handle.servers()) {
                probe(server, target.get(), inserts.get(), j);
            }
        }
        return j.outcome(this, "every " + FAULT_EVERY + "rd insert: answers delayed " + ANSWER_DELAY.toMillis()
                + " ms, reset_peer once the row is committed",
                "Every insert failed visibly or is present exactly once", Double.NaN, OptionalInt.empty());
    }

    private void probe(DatabaseServer server, DatabaseTarget target, InsertPath path, Judgement j) throws Exception {
        Identifier table = Identifier.of("recovery_once_" + UUID.randomUUID().toString().substring(0, 8));
        ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "exactly-once-caller");
            t.setDaemon(true);
            return t;
        });
        try (ProxiedDatabase p = new ProxiedDatabase(server, target, 2, CONNECTION_TIMEOUT);
             Connection direct = p.direct()) {
            // No primary key on purpose: the table must not hide a duplicate insert behind a constraint error.
            p.db.execute(SqlTemplate.of("CREATE TABLE {} ({} BIGINT NOT NULL)", table, ID));
            int acknowledged = 0;
            int failedVisibly = 0;
            int duplicated = 0;
            int lost = 0;
            int committedBeforeReset = 0;
            try {
                for (long i = 1; i <= INSERTS; i++) {
                    long id = i;
                    boolean fault = i % FAULT_EVERY == 0;
                    LatencyToxic hole = LatencyToxic.of(ToxicDirection.DOWNSTREAM, ANSWER_DELAY);
                    if (fault) {
                        p.proxy.add(hole);
                    }
                    Future<?> call = caller.submit(() -> path.insert(p.db, table, ColumnValues.of(ID, id)));
                    if (fault) {
                        committedBeforeReset += awaitVisible(direct, table, id) ? 1 : 0;
                        ResetPeerToxic reset = new ResetPeerToxic(ToxicDirection.DOWNSTREAM, 1.0, Duration.ZERO);
                        p.proxy.add(reset);
                        p.proxy.remove(reset);
                        p.proxy.remove(hole);
                    }
                    boolean ok;
                    try {
                        call.get(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                        ok = true;
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        call.cancel(true);
                        ok = false;
                    }
                    int present = count(direct, table, id);
                    acknowledged += ok ? 1 : 0;
                    failedVisibly += ok ? 0 : 1;
                    duplicated += present > 1 ? 1 : 0;
                    lost += ok && present == 0 ? 1 : 0;
                }
            } finally {
                try (Statement s = direct.createStatement()) {
                    s.execute("DROP TABLE " + quoted(table));
                }
            }
            j.require(duplicated == 0 && lost == 0, "direct-count", server.name() + ": " + INSERTS + " inserts, "
                    + acknowledged + " acknowledged, " + failedVisibly + " failed visibly, " + duplicated
                    + " present more than once, " + lost + " acknowledged but missing");
            j.require(committedBeforeReset == INSERTS / FAULT_EVERY, "direct-count", server.name() + ": "
                    + committedBeforeReset + " of " + INSERTS / FAULT_EVERY + " faulted inserts committed before the"
                    + " reset (the fault must hit after the commit, or it tests nothing)");
            j.require(failedVisibly > 0, "DatabaseEngine", server.name() + ": the reset surfaced to the caller in "
                    + failedVisibly + " of " + INSERTS / FAULT_EVERY + " faulted inserts (a fault that never surfaces"
                    + " proves nothing)");
        } finally {
            caller.shutdownNow();
        }
    }

    /** The commit is the event the fault waits for; it is observed on the direct connection, with a deadline. */
    private static boolean awaitVisible(Connection direct, Identifier table, long id) throws Exception {
        long deadline = System.nanoTime() + VISIBLE_DEADLINE.toNanos();
        while (count(direct, table, id) == 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private static int count(Connection direct, Identifier table, long id) throws SQLException {
        try (PreparedStatement s = direct.prepareStatement("SELECT COUNT(*) FROM " + quoted(table) + " WHERE " + quoted(ID) + " = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** As the engine renders identifiers: quoted, so the lower-case name means the same table on H2 and PostgreSQL. */
    private static String quoted(Identifier identifier) {
        return '"' + identifier.name() + '"';
    }
}
