package dev.oktyv.bench.load.scenario.http;

import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.http.Http1Connection;
import dev.oktyv.bench.load.http.HttpRequestSpec;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.filestore.FileLocation;
import dev.oktyv.bench.serve.EmbeddedService;
import dev.oktyv.bench.serve.ServiceDatabase;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.ServiceOptions;
import dev.oktyv.system.service.adapters.ItemStoreOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The base of the over-HTTP scenarios: {@link #open()} starts the Oktyv service in process on a free loopback port
 * with its embedded engines (as {@code serve} does, key derivation included, outside the measured time), and each
 * worker cycles through its own requests, one keep-alive connection per request kind. A response counts as a
 * success only with a 2xx status. Given a {@link ServiceTarget} ({@code load --target-url}), the scenario uses that
 * running service and its token instead and starts nothing; closing it then leaves the service running.
 */
public abstract class ServiceScenario implements Scenario {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Null: start the service in process. */
    private final ServiceTarget external;

    ServiceScenario(ServiceTarget external) {
        this.external = external;
    }

    /** Where the requests go, for {@link #description()}: the console line of each scenario names its target. */
    final String where() {
        return external == null ? "the in-process Oktyv service" : "the Oktyv service at " + external.base();
    }

    final boolean inProcess() {
        return external == null;
    }

    /** The port of the last service {@link #open()} started; tests check that closing stops it. */
    volatile int lastPortForTests;

    /** The requests worker {@code worker} (1-based) repeats, in order; all carry {@code authorization}. */
    abstract List<HttpRequestSpec> requests(URI base, HttpRequestSpec.Header authorization, int worker);

    /** The in-process service's database item options; the database scenario sets the cache from --cache. */
    ItemStoreOptions itemStoreOptions() {
        return ItemStoreOptions.none();
    }

    /** Where the in-process service's file routes store; the files scenario takes it from {@code --backend}. */
    FileLocation fileLocation() {
        return FileLocation.localDefault();
    }

    /** Fixtures the requests need (e.g. rows to read), created over HTTP before the first operation. */
    void prepare(URI base, HttpRequestSpec.Header authorization) throws Exception {
    }

    static HttpRequestSpec request(URI base, String method, String path, HttpRequestSpec.Header authorization,
                                   String body, String contentType) {
        List<HttpRequestSpec.Header> headers = new ArrayList<>(List.of(authorization));
        if (contentType != null) {
            headers.add(new HttpRequestSpec.Header("Content-Type", contentType));
        }
        return new HttpRequestSpec(ServiceTarget.resolve(base, path), method, headers,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), REQUEST_TIMEOUT);
    }

    @Override
    public final Target open() throws Exception {
        if (external != null) {
            return target(external.base(), authorization(external.token()), () -> { });
        }
        EmbeddedService service = EmbeddedService.startWith(ServiceOptions.defaults(),
                ServiceDatabase.of(null).withItems(itemStoreOptions()), List.of(), fileLocation());
        try {
            URI base = service.uri();
            lastPortForTests = base.getPort();
            return target(base, authorization(service.token()), service::close);
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
    }

    private static HttpRequestSpec.Header authorization(Secret token) {
        return new HttpRequestSpec.Header("Authorization", "Bearer " + token.revealAsString());
    }

    /** Creates the fixtures, then hands out sessions; {@code onClose} stops what {@link #open()} started. */
    private Target target(URI base, HttpRequestSpec.Header authorization, Runnable onClose) throws Exception {
        prepare(base, authorization);
        return new Target() {
            private final AtomicInteger workers = new AtomicInteger();

            @Override
            public Session newSession() {
                List<Http1Connection> connections = requests(base, authorization, workers.incrementAndGet())
                        .stream().map(Http1Connection::new).toList();
                return new Session() {
                    private int next;

                    @Override
                    public Outcome execute() throws Exception {
                        Http1Connection c = connections.get(next);
                        next = (next + 1) % connections.size();
                        return c.exchange();
                    }

                    @Override
                    public void close() {
                        connections.forEach(Http1Connection::close);
                    }
                };
            }

            @Override
            public void close() {
                onClose.run();
            }
        };
    }
}
