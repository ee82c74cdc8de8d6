package dev.oktyv.bench.load.scenario.http;

import dev.oktyv.bench.load.http.HttpRequestSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The vault set/get over HTTP (seed: 50 concurrent, 1 s ramp-up): each worker PUTs its own key, then GETs it. */
public final class ServiceVaultScenario extends ServiceScenario {

    public static final String ID = "service-vault";

    /** Against the service started in process. */
    public ServiceVaultScenario() {
        this(null);
    }

    /** Against {@code target}, or the service started in process when null. */
    public ServiceVaultScenario(ServiceTarget target) {
        super(target);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "alternating PUT and GET /vault/load/{worker key} against " + where();
    }

    @Override
    public int defaultConcurrency() {
        return 50;
    }

    @Override
    public Duration defaultRampUp() {
        return Duration.ofSeconds(1);
    }

    @Override
    List<HttpRequestSpec> requests(URI base, HttpRequestSpec.Header authorization, int worker) {
        String path = "/vault/load/w" + worker;
        // PUT first: the GET then always finds the key, so a 404 is a real failure.
        return List.of(request(base, "PUT", path, authorization, "{\"value\":\"value-of-worker-" + worker + "-0123456789\"}",
                        "application/json"),
                request(base, "GET", path, authorization, null, null));
    }
}
