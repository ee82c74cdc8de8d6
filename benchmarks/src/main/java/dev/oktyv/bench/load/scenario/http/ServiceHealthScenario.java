package dev.oktyv.bench.load.scenario.http;

import dev.oktyv.bench.load.http.HttpRequestSpec;
import java.net.URI;
import java.util.List;

/**
 * GET /health over HTTP, the service's cheapest route with every engine check behind it; it stands in for the
 * API-client GET (200 concurrent in the seed), which has no service route of its own.
 */
public final class ServiceHealthScenario extends ServiceScenario {

    public static final String ID = "service-health";

    /** Against the service started in process. */
    public ServiceHealthScenario() {
        this(null);
    }

    /** Against {@code target}, or the service started in process when null. */
    public ServiceHealthScenario(ServiceTarget target) {
        super(target);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "GET /health (database, vault, files and SMTP checks, report reused for 1 s) against " + where();
    }

    @Override
    public int defaultConcurrency() {
        return 200;
    }

    @Override
    List<HttpRequestSpec> requests(URI base, HttpRequestSpec.Header authorization, int worker) {
        return List.of(request(base, "GET", "/health", authorization, null, null));
    }
}
