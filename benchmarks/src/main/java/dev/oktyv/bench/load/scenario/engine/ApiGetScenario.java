package dev.oktyv.bench.load.scenario.engine;

import dev.oktyv.bench.fixture.CannedHttpServer;
import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.system.api.ApiClient;
import dev.oktyv.system.api.ApiClientConfig;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
import dev.oktyv.system.api.JdkHttpTransport;
import dev.oktyv.system.api.RateLimit;
import dev.oktyv.system.api.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * API client GET (seed: 200 concurrent): one GET per operation through the API engine's {@link ApiClient} (shared by
 * all workers, as an application would share it) against a local HTTPS server on loopback, ephemeral port. The
 * server's self-signed certificate is generated at {@link #open()} with keytool and the client trusts exactly it.
 * The client's rate limits are lifted and retries are off: the scenario measures the client's request path, and a
 * failed request must show as a failure instead of being retried away.
 *
 * <p>Before the runner's clock starts, {@link PoolPrimer} fills the client's connection pool (and warms the TLS
 * code) in doubling waves up to the seed's concurrency, as a long-running application's pool would be. Without it,
 * 200 workers starting at once opened 200 connections at once: 200 TLS handshakes in a cold JVM took more than the
 * client's 5 s connect timeout on a loaded machine, those transport failures opened the host's circuit breaker
 * for 30 s, and the whole measured window failed with {@code CircuitOpenException} (0 requests completed at load
 * average ~20). The scenario measures requests over kept-alive connections; handshakes were the fixture's cost.
 * The measured client keeps the engine's defaults (5 s connect timeout, breaker included): a connection it still
 * has to open in the measured window, and fails to, counts.
 */
public final class ApiGetScenario implements Scenario {

    public static final String ID = "api";
    static final byte[] BODY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);
    private static final RateLimit UNLIMITED = new RateLimit(Integer.MAX_VALUE, 1e12);

    private final Path scratchParent;

    public ApiGetScenario() {
        this(null);
    }

    /** @param scratchParent where the temp directory goes (tests check it is gone afterwards); null = system temp */
    ApiGetScenario(Path scratchParent) {
        this.scratchParent = scratchParent;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "GET via the API engine's client to a local HTTPS server (self-signed, explicitly trusted), loopback";
    }

    @Override
    public int defaultConcurrency() {
        return 200;
    }

    @Override
    public Target open() throws Exception {
        SelfSignedCertificate certificate;
        try (ScratchDirectory scratch = ScratchDirectory.create(scratchParent, "oktyv-load-api-")) {
            // The key store is loaded into memory; the file goes with the scratch directory at once.
            certificate = SelfSignedCertificate.generate(scratch.path());
        }
        CannedHttpServer server = CannedHttpServer.https(certificate.serverContext(), "application/json", BODY);
        ApiClient client;
        ApiClient primer;
        try {
            ApiClientConfig config = ApiClientConfig.builder().sslContext(certificate.clientContext())
                    .retryPolicy(RetryPolicy.NONE).globalLimit(UNLIMITED).endpointLimit(UNLIMITED).build();
            // One transport (one JDK HttpClient, one connection pool) behind two clients: the primer fills the
            // pool the measured client then uses, and its warm-up failures count in its own circuit breaker only.
            JdkHttpTransport transport = new JdkHttpTransport(config);
            client = new ApiClient(config, transport);
            primer = new ApiClient(config, transport);
        } catch (RuntimeException | GeneralSecurityException e) {
            server.close();
            throw e;
        }
        ApiRequest request = ApiRequest.get(URI.create("https://127.0.0.1:" + server.port() + "/status"));
        try {
            PoolPrimer.prime(() -> check(primer.send(request)), defaultConcurrency(), server::openConnections);
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return new Target() {
            @Override
            public Session newSession() {
                return () -> check(client.send(request));
            }

            @Override
            public void close() throws IOException, InterruptedException {
                // The JDK 17 HttpClient has no close(): its selector thread ends once the client is unreachable.
                server.close();
            }
        };
    }

    private static Outcome check(ApiResponse response) {
        if (!response.successful()) {
            return Outcome.httpStatus(response.status());
        }
        return Arrays.equals(response.body(), BODY) ? Outcome.OK : WrongResult.of("response body differs");
    }
}
