package dev.oktyv.probes.recovery.database;

import dev.oktyv.probes.recovery.CallerMessages;
import dev.oktyv.probes.recovery.Judgement;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.probes.recovery.proxy.DownToxic;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.routes.ItemBackend.Item;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * With the database {@code down}, the service's read path must answer from a fallback, served stale and marked so;
 * health must say DEGRADED rather than DOWN; a write must fail fast (503 with {@code Retry-After}, within the pool's
 * connection timeout plus {@link #WRITE_MARGIN}, never waiting for the database to return); and any error the
 * caller does see must be short, friendly and sanitised (no SQL, no JDBC URL, no file path, no exception class or
 * stack trace). After the outage, health must be UP again.
 *
 * <p>Without the stale-serving cache ({@code ItemStoreOptions.servingStaleReads()}) the read fails with 503 and the
 * database is a critical check (DOWN): the probe fails, with that evidence.
 */
public final class GracefulDegradationProbe implements RecoveryProbe {

    /** Connection timeout of the engine under test: how long one pool wait may take while the database is down. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(500);
    /** Allowed on top of one connection timeout before a failing write counts as hanging. */
    static final Duration WRITE_MARGIN = Duration.ofSeconds(1);
    /** How long, and how many health runs, the service gets to report UP once the database is back. */
    static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(10);
    static final int RECOVERY_RUNS = 5;

    @Override
    public String id() {
        return "graceful-degradation";
    }

    @Override
    public String title() {
        return "Graceful Degradation";
    }

    @Override
    public ProbeOutcome run(RecoveryTargets targets) throws Exception {
        var target = targets.get(DatabaseTarget.class);
        var servers = targets.get(DatabaseServers.class);
        var readPaths = targets.get(ReadPathTarget.class);
        if (target.isEmpty() || servers.isEmpty() || readPaths.isEmpty()) {
            return ProbeOutcome.notRun(id(), title(), "no database target, server or read path configured");
        }
        Judgement j = new Judgement();
        try (DatabaseServers.Handle handle = servers.get().start()) {
            // One server is enough: the fallback is the service's, not the database's.
            DatabaseServer server = handle.servers().get(0);
            try (ProxiedDatabase p = new ProxiedDatabase(server, target.get(), 2, CONNECTION_TIMEOUT);
                 ReadPath reads = readPaths.get().open(p.db)) {
                Item item = reads.create("degradation-probe", "cached before the outage");
                reads.read(item.id());
                j.observe("ReadPath", "health before the outage: " + reads.health());
                DownToxic down = new DownToxic();
                p.proxy.add(down);
                reads.outliveFreshness();
                try {
                    judgeRead(reads, item, j);
                    judgeWrite(reads, j);
                    HealthStatus health = reads.health();
                    j.require(health == HealthStatus.DEGRADED, "HealthChecker",
                            "health with the database down: " + health + " (expected DEGRADED: still serving reads)");
                } finally {
                    p.proxy.remove(down);
                }
                judgeRecovery(reads, j);
            }
        }
        return j.outcome(this, "database behind the proxy: down while items are read",
                "Served stale reads, writes failed fast, health DEGRADED then UP, errors sanitised", Double.NaN, OptionalInt.empty());
    }

    /**
     * The first check after the outage may still borrow a connection the outage broke (the pool evicts it on that
     * failure), so health gets a few runs, within a deadline, to come back.
     */
    private static void judgeRecovery(ReadPath reads, Judgement j) {
        long deadline = System.nanoTime() + RECOVERY_DEADLINE.toNanos();
        HealthStatus after;
        int runs = 0;
        do {
            after = reads.health();
            runs++;
        } while (after != HealthStatus.UP && runs < RECOVERY_RUNS && System.nanoTime() < deadline);
        j.require(after == HealthStatus.UP, "HealthChecker", "health after the outage: " + after
                + (runs > 1 ? " (after " + runs + " runs)" : ""));
    }

    private static void judgeWrite(ReadPath reads, Judgement j) throws Exception {
        long t0 = System.nanoTime();
        try {
            Item created = reads.create("degradation-probe-write", "written during the outage");
            j.require(false, "ReadPath", "a write with the database down answered item " + created.id());
        } catch (ApiException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            Duration bound = CONNECTION_TIMEOUT.plus(WRITE_MARGIN);
            j.require(e.status() == 503 && e.retryAfter().isPresent() && took.compareTo(bound) <= 0, "ApiException",
                    String.format(Locale.ROOT, "write with the database down: HTTP %d %s, Retry-After %s, in %d ms"
                                    + " (bound %d ms)", e.status(), e.code(),
                            e.retryAfter().map(d -> d.toSeconds() + " s").orElse("absent"), took.toMillis(),
                            bound.toMillis()));
            judgeMessage(e, j);
        }
    }

    private static void judgeMessage(ApiException e, Judgement j) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        List<String> leaks = CallerMessages.leaks(message);
        j.require(message.length() <= CallerMessages.MAX_CHARS && leaks.isEmpty(), "ApiException",
                String.format(Locale.ROOT, "error the caller sees: %d chars, %s", message.length(),
                        leaks.isEmpty() ? "nothing internal in it" : "leaks " + leaks));
    }

    private static void judgeRead(ReadPath reads, Item item, Judgement j) throws Exception {
        try {
            ReadPath.Read r = reads.read(item.id());
            boolean served = r.item().filter(item::equals).isPresent();
            j.require(served && r.stale(), "ReadPath", "read with the database down: "
                    + (served ? "answered" : "no item") + (r.stale() ? ", marked stale" : ", not marked stale"));
        } catch (ApiException e) {
            j.require(false, "ReadPath", "no fallback: the read failed with HTTP " + e.status() + " " + e.code()
                    + " while the database was down");
            judgeMessage(e, j);
        }
    }
}
