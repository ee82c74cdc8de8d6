package dev.oktyv.bench.load.scenario.http;

import dev.oktyv.bench.load.http.HttpRequestSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The database query over HTTP (seed: 100 concurrent): GET /db/items/{id} of rows created before the run. */
public final class ServiceDatabaseScenario extends ServiceScenario {

    public static final String ID = "service-db";
    static final int ITEMS = 100;

    /** The paths of the rows {@link #prepare} created (from their Location headers), read by the workers. */
    private volatile List<String> items = List.of();

    /** Against the service started in process. */
    public ServiceDatabaseScenario() {
        this(null);
    }

    /** Against {@code target}, or the service started in process when null. */
    public ServiceDatabaseScenario(ServiceTarget target) {
        super(target);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "GET /db/items/{id} over " + ITEMS + " pre-created rows against " + where();
    }

    @Override
    public int defaultConcurrency() {
        return 100;
    }

    private static final java.util.regex.Pattern CREATED = java.util.regex.Pattern.compile("/db/items/(\\d+)$");

    @Override
    void prepare(URI base, HttpRequestSpec.Header authorization) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(ServiceTarget.resolve(base, "/db/items"))
                    .header(authorization.name(), authorization.value()).timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"item-" + i + "\",\"data\":\"payload " + i + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            // Ids come from the Location header: a service given with --target-url already has rows of its own.
            // Behind a proxy the Location may carry the prefix or be absolute; the id is what matters.
            String location = r.headers().firstValue("Location").orElse("");
            java.util.regex.Matcher id = CREATED.matcher(location);
            if (r.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("creating fixture item " + i + " answered " + r.statusCode()
                        + (location.isEmpty() ? " without a Location" : " with Location " + location));
            }
            created.add("/db/items/" + id.group(1));
        }
        items = List.copyOf(created);
    }

    @Override
    List<HttpRequestSpec> requests(URI base, HttpRequestSpec.Header authorization, int worker) {
        List<String> paths = items;
        return List.of(request(base, "GET", paths.get((worker - 1) % paths.size()), authorization, null, null));
    }
}
