package dev.oktyv.bench.load.scenario.http;

import dev.oktyv.bench.load.http.HttpRequestSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** The database query over HTTP (seed: 100 concurrent): GET /db/items/{id} of rows created before the run. */
public final class ServiceDatabaseScenario extends ServiceScenario {

    public static final String ID = "service-db";
    static final int ITEMS = 100;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "GET /db/items/{id} over " + ITEMS + " pre-created rows against the in-process Oktyv service (H2)";
    }

    @Override
    public int defaultConcurrency() {
        return 100;
    }

    @Override
    void prepare(URI base, HttpRequestSpec.Header authorization) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 1; i <= ITEMS; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/db/items"))
                    .header(authorization.name(), authorization.value()).timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"item-" + i + "\",\"data\":\"payload " + i + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            // The ids are 1..ITEMS because the service's database is fresh; check rather than assume.
            if (r.statusCode() != 201 || !r.headers().firstValue("Location").orElse("").equals("/db/items/" + i)) {
                throw new IllegalStateException("creating fixture item " + i + " answered " + r.statusCode());
            }
        }
    }

    @Override
    List<HttpRequestSpec> requests(URI base, HttpRequestSpec.Header authorization, int worker) {
        return List.of(request(base, "GET", "/db/items/" + (1 + (worker - 1) % ITEMS), authorization, null, null));
    }
}
