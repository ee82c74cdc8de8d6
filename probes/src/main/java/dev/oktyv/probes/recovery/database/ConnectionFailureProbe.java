package dev.oktyv.probes.recovery.database;

import dev.oktyv.probes.recovery.Judgement;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.probes.recovery.proxy.DownToxic;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.system.database.BackoffPolicy;
import dev.oktyv.system.database.ConnectionRetry;
import dev.oktyv.system.database.DatabaseConnectionException;
import dev.oktyv.system.database.DatabaseException;
import dev.oktyv.system.database.HealthStatus;
import dev.oktyv.system.database.SqlTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;

/**
 * The database goes {@code down} behind the proxy for {@value #OUTAGE_SECONDS} s, then returns. An operation started
 * as it goes down must succeed once it is back, through the engine's connection retries: their number and waits come
 * from the engine's own {@link ConnectionRetry} events and must match the configured exponential schedule within its
 * jitter bounds. A second engine with a small retry cap, against an outage that does not end, must give up with one
 * clear error after exactly {@code maxRetries + 1} attempts, within its budget. Afterwards the pool, read from the
 * engine's {@code HealthStatus.PoolStats}, is within its configured size with nothing active (no leaked
 * connection), matched by the number of connections the proxy carries.
 */
public final class ConnectionFailureProbe implements RecoveryProbe {

    static final int OUTAGE_SECONDS = 3;
    static final int POOL_SIZE = 4;
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1_000);
    /** Enough patience to outlast the outage: 7 attempts of up to 1 s each, waits 100..1600 ms between them. */
    static final BackoffPolicy RETRY = new BackoffPolicy(6, Duration.ofMillis(200), Duration.ofMillis(1_600));
    /** Too little patience for an outage that does not end: 3 attempts, then one error. */
    static final BackoffPolicy CAPPED = new BackoffPolicy(2, Duration.ofMillis(100), Duration.ofMillis(200));
    /** Per attempt on top of the timeout: HikariCP validates a dead idle connection before waiting. */
    static final Duration MARGIN = Duration.ofMillis(600);
    private static final SqlTemplate PING = SqlTemplate.of("SELECT 1");

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
        int maxAttempts = 0;
        int servers;
        try (DatabaseServers.Handle handle = serverSource.get().start()) {
            servers = handle.servers().size();
            for (DatabaseServer server : handle.servers()) {
                Recovery r = outage(server, target.get(), j);
                worstRecoveryMillis = Double.isNaN(worstRecoveryMillis) ? r.millis() : Math.max(worstRecoveryMillis,
                        r.millis());
                maxAttempts = Math.max(maxAttempts, r.attempts());
                retryCap(server, target.get(), j);
            }
        }
        return j.outcome(this, "database behind the proxy: down for " + OUTAGE_SECONDS + " s",
                String.format(Locale.ROOT, "Recovered after %d attempts, %.0f ms after the database returned (slowest"
                        + " of %d %s), pool back to size", maxAttempts, worstRecoveryMillis, servers,
                        servers == 1 ? "server" : "servers"),
                worstRecoveryMillis, maxAttempts == 0 ? OptionalInt.empty() : OptionalInt.of(maxAttempts));
    }

    private record Recovery(double millis, int attempts) {
    }

    private Recovery outage(DatabaseServer server, DatabaseTarget target, Judgement j) throws Exception {
        try (ProxiedDatabase p = new ProxiedDatabase(server, target, POOL_SIZE, CONNECTION_TIMEOUT, RETRY)) {
            DownToxic down = new DownToxic();
            List<ConnectionRetry> retries = goDown(p, down);
            long start = System.nanoTime();
            long back = start + Duration.ofSeconds(OUTAGE_SECONDS).toNanos();
            // The outage ends on another thread while this one is inside the engine's retries.
            FutureTask<Void> restorer = new FutureTask<>(() -> {
                try {
                    Thread.sleep(Duration.ofSeconds(OUTAGE_SECONDS).toMillis());
                } finally {
                    p.proxy.remove(down);
                }
                return null;
            });
            Thread ender = new Thread(restorer, "oktyv-outage-end");
            ender.setDaemon(true);
            ender.start();
            String error = null;
            long done;
            int inFlight;
            try {
                Attempt a = untilRetried(p);
                error = a.error();
                inFlight = a.inFlight();
            } finally {
                done = System.nanoTime();
                restorer.get();
            }
            double recoveryMillis = Math.max(0, (done - back) / 1e6);
            int attempts = retries.size() + 1;
            j.require(error == null, "DatabaseEngine", String.format(Locale.ROOT, "%s down for %d s: %d in-flight"
                            + " operation(s) on pooled connections failed at once; the next one %s after %d attempts,"
                            + " %.0f ms after the database returned", server.name(), OUTAGE_SECONDS, inFlight,
                    error == null ? "succeeded" : "failed (" + error + ")", attempts, (done - back) / 1e6));
            BackoffPolicy configured = p.config.connectionRetry();
            j.require(!retries.isEmpty() && onSchedule(retries, configured), "ConnectionRetry",
                    server.name() + ": " + retries.size() + " retry event(s), waits " + waits(retries)
                            + " against the configured " + configured + " (each in [exp/2, exp])");
            HealthStatus health = p.db.healthCheck();
            var pool = health.pool();
            j.require(health.up() && pool.isPresent() && pool.get().active() == 0
                            && pool.get().total() <= POOL_SIZE && p.proxy.openConnections() <= POOL_SIZE,
                    "HealthStatus.PoolStats", server.name() + " pool after recovery: "
                            + pool.map(s -> "active " + s.active() + ", idle " + s.idle() + ", total " + s.total())
                            .orElse("no pool") + " (configured " + POOL_SIZE + "); proxied connections "
                            + p.proxy.openConnections());
            return new Recovery(recoveryMillis, attempts);
        }
    }

    private void retryCap(DatabaseServer server, DatabaseTarget target, Judgement j) throws Exception {
        try (ProxiedDatabase p = new ProxiedDatabase(server, target, POOL_SIZE, CONNECTION_TIMEOUT, CAPPED)) {
            DownToxic down = new DownToxic();
            List<ConnectionRetry> retries = goDown(p, down);
            BackoffPolicy configured = p.config.connectionRetry();
            int expected = configured.maxRetries() + 1;
            long limitNanos = p.config.connectionTimeout().plus(MARGIN).toNanos() * expected
                    + configured.maxBackoff().toNanos() * configured.maxRetries();
            long start = System.nanoTime();
            String outcome;
            try {
                Attempt a = untilRetried(p);
                outcome = a.error() == null ? "succeeded through a database that is down"
                        : a.error().contains("after " + expected + " attempts") ? null
                        : "failed with an error that does not say it tried " + expected + " times: " + a.error();
            } finally {
                p.proxy.remove(down);
            }
            long took = System.nanoTime() - start;
            j.require(outcome == null && retries.size() == configured.maxRetries() && took <= limitNanos,
                    "DatabaseEngine", String.format(Locale.ROOT, "%s down for good, retry cap %d: %s; %d retry"
                                    + " event(s), %.0f ms (limit: %d attempts x (connection timeout %d ms + %d ms) +"
                                    + " waits)", server.name(), configured.maxRetries(),
                            outcome == null ? "one error after " + expected + " attempts" : outcome, retries.size(),
                            took / 1e6, expected, p.config.connectionTimeout().toMillis(), MARGIN.toMillis()));
        }
    }

    /** Checks the engine works, then cuts the database off; returns the engine's retry events from then on. */
    private static List<ConnectionRetry> goDown(ProxiedDatabase p, DownToxic down) throws Exception {
        List<ConnectionRetry> retries = new CopyOnWriteArrayList<>();
        p.db.onConnectionRetry(retries::add);
        p.db.execute(PING);
        p.proxy.add(down);
        return retries;
    }

    /** The operation that reached the retry path: its error (null on success) and how many failed before it. */
    private record Attempt(String error, int inFlight) {
    }

    /**
     * Operations until one goes through the engine's connection retries. The first ones may borrow pooled
     * connections the outage has just cut (HikariCP skips validation of a connection used within 500 ms); those fail
     * at once as statement errors, which the engine rightly does not retry (the statement may have run). At most
     * one per pooled connection.
     */
    private static Attempt untilRetried(ProxiedDatabase p) {
        int inFlight = 0;
        while (true) {
            try {
                p.db.execute(PING);
                return new Attempt(null, inFlight);
            } catch (DatabaseConnectionException e) {
                return new Attempt(e.getClass().getSimpleName() + ": " + e.getMessage(), inFlight);
            } catch (DatabaseException e) {
                if (++inFlight > POOL_SIZE) {
                    return new Attempt("more failures at once than pooled connections, last: " + e.getMessage(),
                            inFlight);
                }
            }
        }
    }

    private static boolean onSchedule(List<ConnectionRetry> retries, BackoffPolicy policy) {
        for (int i = 0; i < retries.size(); i++) {
            ConnectionRetry r = retries.get(i);
            // backoff(n, 0) is the lower jitter bound, backoff(n, ~1) the upper one.
            if (r.retry() != i + 1 || r.backoff().compareTo(policy.backoff(r.retry(), 0.0)) < 0
                    || r.backoff().compareTo(policy.backoff(r.retry(), Math.nextDown(1.0))) > 0) {
                return false;
            }
        }
        return retries.size() <= policy.maxRetries();
    }

    private static String waits(List<ConnectionRetry> retries) {
        return retries.stream().map(r -> r.backoff().toMillis() + " ms").toList().toString();
    }
}
