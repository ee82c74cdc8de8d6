package dev.oktyv.bench.api;

import dev.oktyv.bench.fixture.CannedHttpServer;
import dev.oktyv.probes.tls.LoopbackTls;
import dev.oktyv.system.api.ApiClient;
import dev.oktyv.system.api.ApiClientConfig;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
import dev.oktyv.system.api.RateLimit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One GET through the full {@link ApiClient} path (URL policy, two token buckets, the host's circuit breaker,
 * java.net.http on a pooled keep-alive connection) against a minimal server on loopback. {@code scheme=https} is the
 * production path; {@code http} (loopback allowed) isolates the client's own overhead from TLS record costs.
 * Rate limits are set far above what one thread can reach, so the buckets are exercised but never block.
 *
 * <p>{@code variant=baseline} is the same-run floor: a plain {@link HttpClient}, configured as the engine's
 * transport is (timeouts, no redirects, the same trust), sending the same GET to the same server; {@code
 * variant=client} is the {@link ApiClient}. {@code analyze} pairs the two (VariantPairs) and reports the ratio with
 * its interval: the client's own overhead (goal: time per GET ≤ 1.2× the plain client's). The server is a
 * {@link CannedHttpServer} (one blocking thread per keep-alive connection, one canned fixed-length response written
 * at once, TCP_NODELAY): the JDK's {@code HttpServer} used before capped the plain client at ~3,200 GETs/s on one
 * thread and hid the engine's cost behind its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// Two forks: analyze's paired-variants rule needs at least two per side for an interval (one fork: "cannot test").
@Fork(2)
public class ApiClientGetBenchmark {

    private static final byte[] BODY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    @Param({"https", "http"})
    public String scheme;

    /** {@code client} (the engine's {@link ApiClient}) or {@code baseline} (a plain JDK {@link HttpClient}). */
    @Param({"client", "baseline"})
    public String variant = "client";

    private CannedHttpServer server;
    private ApiClient client;
    private ApiRequest request;
    private HttpClient plain;
    private URI uri;

    private boolean throughClient;

    @Setup(Level.Trial)
    public void start() throws Exception {
        throughClient = switch (variant) {
            case "client" -> true;
            case "baseline" -> false;
            default -> throw new IllegalArgumentException("variant must be client or baseline, was '" + variant + "'");
        };
        HttpClient.Builder plainBuilder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        ApiClientConfig.Builder config = ApiClientConfig.builder()
                .globalLimit(new RateLimit(1_000_000, 1e9))
                .endpointLimit(new RateLimit(1_000_000, 1e9));
        if (scheme.equals("https")) {
            LoopbackTls tls = LoopbackTls.generate();
            server = CannedHttpServer.https(tls.server(), "application/json", BODY);
            config.sslContext(tls.client());
            plainBuilder.sslContext(tls.client());
        } else if (scheme.equals("http")) {
            server = CannedHttpServer.http("application/json", BODY);
            config.allowLoopbackHttp(true);
        } else {
            throw new IllegalArgumentException("scheme must be https or http, was '" + scheme + "'");
        }
        client = new ApiClient(config.build());
        uri = URI.create(server.url("/status"));
        request = ApiRequest.get(uri);
        ApiResponse check = client.send(request);
        if (check.status() != 200) {
            throw new IllegalStateException("benchmark server answered " + check.status() + " in setup");
        }
        plain = plainBuilder.build();
    }

    /** One GET by the variant under test; the status is checked, so a failing GET is never counted as a result. */
    @Benchmark
    public Object get() throws Exception {
        return throughClient ? clientGet() : plainGet();
    }

    /** The floor: the same GET through a plain {@link HttpClient} (also {@link ApiOverheadCheck}'s baseline). */
    public HttpResponse<byte[]> plainGet() throws Exception {
        // Built per call, as the engine does and as most callers would: the floor is "the same work, plainly".
        HttpResponse<byte[]> response = plain.send(HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET answered " + response.statusCode());
        }
        return response;
    }

    /** The GET through the {@link ApiClient}. */
    public ApiResponse clientGet() throws Exception {
        ApiResponse response = client.send(request);
        if (response.status() != 200) {
            // A failing GET is fast; counting it as a result would flatter the score.
            throw new IllegalStateException("GET answered " + response.status());
        }
        return response;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        server.close();
    }
}
