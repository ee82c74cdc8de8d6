package dev.oktyv.system.service.routes;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.oktyv.system.monitoring.health.CheckResult;
import dev.oktyv.system.monitoring.health.HealthChecker;
import dev.oktyv.system.monitoring.health.HealthReport;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Request;
import dev.oktyv.system.service.Response;
import dev.oktyv.system.service.Route;
import dev.oktyv.system.time.NanoClock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /health}, the one public route: 200 when UP or DEGRADED (still serving), 503 when DOWN.
 * Because anyone may call it, it says which check failed and how (timeout, exception) but never the error text,
 * which could name hosts, files or credentials; that detail is in {@link CheckResult#error()} for operators.
 *
 * <p>A report is reused for {@code maxAge}; for one more {@code maxAge} after that it is still served while a single
 * background refresh runs, so no request waits for the checks (stale-while-revalidate). Without that, every request
 * arriving during the once-per-{@code maxAge} rebuild (several ms of database, file and SMTP checks) queued behind
 * it, which was the whole p99 of a cached /health under load (issue 15). A report is therefore never served older
 * than twice {@code maxAge}; past that, requests wait for one run as before. Its {@code timestamp} says how old it
 * is.
 */
public final class HealthRoute implements Route {

    /** Version of the JSON body below; bump it when a field changes meaning. */
    public static final int FORMAT_VERSION = 1;

    /** Default reuse period of a health report. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(1);

    /** The report and its serialised answer: at load-test rates, rebuilding the JSON per request shows up. */
    private record Cached(HealthReport report, Response response, long atNanos) {
    }

    private final HealthChecker checker;
    private final long maxAgeNanos;
    private final NanoClock nanoClock;
    private final Executor refresher;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Cached cached;

    /**
     * @param maxAge a report younger than this is served again instead of running every check per request:
     *               /health is public, and a load test (or anyone) hitting it must not multiply into database
     *               pings. Concurrent requests with a stale report wait for one run, not one each.
     */
    public HealthRoute(HealthChecker checker, Duration maxAge, NanoClock nanoClock) {
        this(checker, maxAge, nanoClock, Refresher.SHARED);
    }

    /** @param refresher runs the background refresh of a report past {@code maxAge}; must not run it inline. */
    public HealthRoute(HealthChecker checker, Duration maxAge, NanoClock nanoClock, Executor refresher) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("health maxAge must be >= 0, was " + maxAge);
        }
        this.checker = checker;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
        this.refresher = refresher;
    }

    public HealthRoute(HealthChecker checker) {
        this(checker, DEFAULT_MAX_AGE, NanoClock.SYSTEM);
    }

    HealthReport current() {
        return fresh().report();
    }

    private Cached fresh() {
        Cached c = servable(cached);
        if (c != null) {
            return c;
        }
        synchronized (this) {
            c = cached;
            if (c != null && age(c) < maxAgeNanos) {
                return c;
            }
            return rebuild();
        }
    }

    /** The cached report if it may be served now, starting a background refresh once it is past {@code maxAge}. */
    private Cached servable(Cached c) {
        if (c == null) {
            return null;
        }
        long age = age(c);
        if (age < maxAgeNanos) {
            return c;
        }
        if (age - maxAgeNanos < maxAgeNanos) {
            refreshInBackground();
            return c;
        }
        return null;
    }

    private long age(Cached c) {
        return nanoClock.nanoTime() - c.atNanos();
    }

    /** Called from the I/O thread too: only a CAS and a hand-off, never the checks themselves. */
    private void refreshInBackground() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    synchronized (this) {
                        Cached c = cached;
                        if (c == null || age(c) >= maxAgeNanos) {
                            rebuild();
                        }
                    }
                } finally {
                    refreshing.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            // The stale report is still within its bound; the next request past 2 x maxAge rebuilds on a worker.
            refreshing.set(false);
        }
    }

    /** Callers hold this route's lock, so concurrent requests wait for one run, not one each. */
    private Cached rebuild() {
        HealthReport r = checker.run();
        Cached c = new Cached(r, Response.json(r.status() == HealthStatus.DOWN ? 503 : 200, toJson(r)), nanoClock.nanoTime());
        cached = c;
        return c;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.GET;
    }

    @Override
    public String path() {
        return "/health";
    }

    @Override
    public boolean requiresToken() {
        return false;
    }

    @Override
    public Response handle(Request request) {
        return fresh().response();
    }

    /**
     * The cached answer while it may be served (see the class comment); with none, or one older than twice
     * {@code maxAge}, the request goes to a worker, since the checks may block.
     */
    @Override
    public Response readyAnswer() {
        Cached c = servable(cached);
        return c == null ? null : c.response();
    }

    /**
     * One daemon thread for every route's background refresh: refreshes are rare (one per {@code maxAge} under
     * traffic), and a thread that ends when idle needs no shutdown.
     */
    private static final class Refresher {
        static final Executor SHARED = create();

        private static Executor create() {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, "oktyv-health-refresh");
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }

        private Refresher() {
        }
    }

    public static JsonObject toJson(HealthReport report) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", FORMAT_VERSION);
        o.addProperty("status", report.status().name());
        o.addProperty("timestamp", report.timestamp().toString());
        JsonArray checks = new JsonArray();
        for (CheckResult r : report.checks()) {
            JsonObject c = new JsonObject();
            c.addProperty("name", r.name());
            c.addProperty("status", r.status().name());
            c.addProperty("critical", r.critical());
            c.addProperty("durationMillis", r.duration().toNanos() / 1e6);
            r.failure().ifPresent(f -> c.addProperty("failure", f.name()));
            checks.add(c);
        }
        o.add("checks", checks);
        return o;
    }
}
