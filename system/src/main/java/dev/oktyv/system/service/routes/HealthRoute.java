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

/**
 * {@code GET /health}, the one public route: 200 when UP or DEGRADED (still serving), 503 when DOWN.
 * Because anyone may call it, it says which check failed and how (timeout, exception) but never the error text,
 * which could name hosts, files or credentials; that detail is in {@link CheckResult#error()} for operators.
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
    private volatile Cached cached;

    /**
     * @param maxAge a report younger than this is served again instead of running every check per request:
     *               /health is public, and a load test (or anyone) hitting it must not multiply into database
     *               pings. Concurrent requests with a stale report wait for one run, not one each.
     */
    public HealthRoute(HealthChecker checker, Duration maxAge, NanoClock nanoClock) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("health maxAge must be >= 0, was " + maxAge);
        }
        this.checker = checker;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    public HealthRoute(HealthChecker checker) {
        this(checker, DEFAULT_MAX_AGE, NanoClock.SYSTEM);
    }

    HealthReport current() {
        return fresh().report();
    }

    private Cached fresh() {
        Cached c = cached;
        if (c != null && nanoClock.nanoTime() - c.atNanos() < maxAgeNanos) {
            return c;
        }
        synchronized (this) {
            c = cached;
            long now = nanoClock.nanoTime();
            if (c != null && now - c.atNanos() < maxAgeNanos) {
                return c;
            }
            HealthReport r = checker.run();
            c = new Cached(r, Response.json(r.status() == HealthStatus.DOWN ? 503 : 200, toJson(r)), nanoClock.nanoTime());
            cached = c;
            return c;
        }
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

    /** The cached answer while it is fresh; a stale one is rebuilt on a worker, since the checks may block. */
    @Override
    public Response readyAnswer() {
        Cached c = cached;
        return c != null && nanoClock.nanoTime() - c.atNanos() < maxAgeNanos ? c.response() : null;
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
