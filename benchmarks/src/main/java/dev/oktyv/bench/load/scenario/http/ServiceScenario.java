package dev.oktyv.bench.load.scenario.http;

import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.http.Http1Connection;
import dev.oktyv.bench.load.http.HttpRequestSpec;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.serve.EmbeddedService;
import dev.oktyv.system.service.ServiceOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The base of the over-HTTP scenarios: {@link #open()} starts the Oktyv service in process on a free loopback port
 * with its embedded engines (as {@code serve} does, key derivation included, outside the measured time), and each
 * worker cycles through its own requests, one keep-alive connection per request kind. A response counts as a
 * success only with a 2xx status. There is no {@code --target-url} yet: pointing these at a running service needs
 * an option in the load command.
 */
abstract class ServiceScenario implements Scenario {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** The port of the last service {@link #open()} started; tests check that closing stops it. */
    volatile int lastPortForTests;

    /** The requests worker {@code worker} (1-based) repeats, in order; all carry {@code authorization}. */
    abstract List<HttpRequestSpec> requests(URI base, HttpRequestSpec.Header authorization, int worker);

    /** Fixtures the requests need (e.g. rows to read), created over HTTP before the first operation. */
    void prepare(URI base, HttpRequestSpec.Header authorization) throws Exception {
    }

    static HttpRequestSpec request(URI base, String method, String path, HttpRequestSpec.Header authorization,
                                   String body, String contentType) {
        List<HttpRequestSpec.Header> headers = new ArrayList<>(List.of(authorization));
        if (contentType != null) {
            headers.add(new HttpRequestSpec.Header("Content-Type", contentType));
        }
        return new HttpRequestSpec(base.resolve(path), method, headers,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), REQUEST_TIMEOUT);
    }

    @Override
    public final Target open() throws Exception {
        EmbeddedService service = EmbeddedService.start(ServiceOptions.defaults(), null);
        try {
            URI base = service.uri();
            lastPortForTests = base.getPort();
            HttpRequestSpec.Header authorization =
                    new HttpRequestSpec.Header("Authorization", "Bearer " + service.token().revealAsString());
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
                    service.close();
                }
            };
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
    }
}
