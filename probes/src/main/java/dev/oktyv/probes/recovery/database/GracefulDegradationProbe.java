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
 * health must say DEGRADED rather than DOWN; and any error the caller does see must be short, friendly and
 * sanitised (no SQL, no JDBC URL, no file path, no exception class or stack trace).
 *
 * <p>Today's service has no fallback (the stale-serving cache is the optimiser work of issue 15) and registers
 * the database as a critical check, so this probe FAILS against it, on purpose and with the evidence: it is the
 * check that will say when the fallback exists.
 */
public final class GracefulDegradationProbe implements RecoveryProbe {


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
            try (ProxiedDatabase p = new ProxiedDatabase(server, target.get(), 2, Duration.ofMillis(500));
                 ReadPath reads = readPaths.get().open(p.db)) {
                Item item = reads.create("degradation-probe", "cached before the outage");
                reads.read(item.id());
                j.observe("ReadPath", "health before the outage: " + reads.health());
                DownToxic down = new DownToxic();
                p.proxy.add(down);
                try {
                    judgeRead(reads, item, j);
                    HealthStatus health = reads.health();
                    j.require(health == HealthStatus.DEGRADED, "HealthChecker",
                            "health with the database down: " + health + " (expected DEGRADED: still serving reads)");
                } finally {
                    p.proxy.remove(down);
                }
            }
        }
        return j.outcome(this, "database behind the proxy: down while items are read",
                "Served stale reads, health DEGRADED, errors sanitised", Double.NaN, OptionalInt.empty());
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
            String message = e.getMessage() == null ? "" : e.getMessage();
            List<String> leaks = CallerMessages.leaks(message);
            j.require(message.length() <= CallerMessages.MAX_CHARS && leaks.isEmpty(), "ApiException",
                    String.format(Locale.ROOT, "error the caller sees: %d chars, %s", message.length(),
                            leaks.isEmpty() ? "nothing internal in it" : "leaks " + leaks));
        }
    }
}
