package dev.oktyv.bench.load.scenario.engine;

import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.system.api.ApiClient;
import dev.oktyv.system.api.ApiClientConfig;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
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
        LoopbackHttpsServer server = new LoopbackHttpsServer(certificate.serverContext(), BODY);
        ApiClient client;
        try {
            client = new ApiClient(ApiClientConfig.builder().sslContext(certificate.clientContext())
                    .retryPolicy(RetryPolicy.NONE).globalLimit(UNLIMITED).endpointLimit(UNLIMITED).build());
        } catch (RuntimeException | GeneralSecurityException e) {
            server.close();
            throw e;
        }
        ApiRequest request = ApiRequest.get(URI.create("https://127.0.0.1:" + server.port() + "/status"));
        return new Target() {
            @Override
            public Session newSession() {
                return () -> {
                    ApiResponse response = client.send(request);
                    if (!response.successful()) {
                        return Outcome.httpStatus(response.status());
                    }
                    return Arrays.equals(response.body(), BODY) ? Outcome.OK : WrongResult.of("response body differs");
                };
            }

            @Override
            public void close() throws IOException, InterruptedException {
                // The JDK 17 HttpClient has no close(): its selector thread ends once the client is unreachable.
                server.close();
            }
        };
    }
}
