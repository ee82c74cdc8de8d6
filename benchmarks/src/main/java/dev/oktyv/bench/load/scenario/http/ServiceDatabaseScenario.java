package dev.oktyv.bench.load.scenario.http;

import dev.oktyv.bench.load.http.HttpRequestSpec;
import dev.oktyv.bench.load.scenario.CacheSetting;
import dev.oktyv.bench.load.scenario.CachedReads;
import dev.oktyv.system.service.adapters.ItemStoreOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The database query over HTTP (seed: 100 concurrent): GET /db/items/{id} of rows created before the run. With
 * {@code --cache on} the in-process service reads items through its primary-key cache.
 */
public final class ServiceDatabaseScenario extends ServiceScenario implements CachedReads {

    public static final String ID = "service-db";
    static final int ITEMS = 100;

    /** The paths of the rows {@link #prepare} created (from their Location headers), read by the workers. */
    private volatile List<String> items = List.of();

    private final CacheSetting cache;

    /** Against the service started in process. */
    public ServiceDatabaseScenario() {
        this(null);
    }

    /** Against {@code target}, or the service started in process when null. */
    public ServiceDatabaseScenario(ServiceTarget target) {
        this(target, CacheSetting.OFF);
    }

    /** {@code cache} applies to the service started in process; a running service keeps its own setting. */
    public ServiceDatabaseScenario(ServiceTarget target, CacheSetting cache) {
        super(target);
        if (target != null && cache == CacheSetting.ON) {
            throw new IllegalArgumentException("--cache on applies to the service started in process, not to the"
                    + " running service at " + target.base() + " (set its cache where it runs)");
        }
        this.cache = cache;
    }

    @Override
    public CacheSetting cache() {
        return cache;
    }

    @Override
    ItemStoreOptions itemStoreOptions() {
        return cache.config("service_items", ITEMS).map(ItemStoreOptions.none()::withCache)
                .orElse(ItemStoreOptions.none());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "GET /db/items/{id} over " + ITEMS + " pre-created rows against " + where()
                + (inProcess() ? ", " + cache.describe() : "");
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
