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

/**
 * {@code GET /health}, the one public route: 200 when UP or DEGRADED (still serving), 503 when DOWN.
 * Because anyone may call it, it says which check failed and how (timeout, exception) but never the error text,
 * which could name hosts, files or credentials; that detail is in {@link CheckResult#error()} for operators.
 */
public final class HealthRoute implements Route {

    /** Version of the JSON body below; bump it when a field changes meaning. */
    public static final int FORMAT_VERSION = 1;

    private final HealthChecker checker;

    public HealthRoute(HealthChecker checker) {
        this.checker = checker;
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
        HealthReport report = checker.run();
        return Response.json(report.status() == HealthStatus.DOWN ? 503 : 200, toJson(report));
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
