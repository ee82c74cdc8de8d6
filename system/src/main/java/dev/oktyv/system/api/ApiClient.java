package dev.oktyv.system.api;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API client: URL policy, then for each attempt a rate-limit permit, a circuit-breaker permit and one
 * request; retries follow {@link RetryPolicy} for idempotent methods only. Thread-safe; share one per process.
 * Logs name the method, host and path; never headers, query strings, bodies or tokens.
 */
public final class ApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);

    /** Statuses that mean "try again later" rather than "your request is wrong". */
    static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

    private final ApiClientConfig config;
    private final HttpTransport transport;
    private final UrlPolicy urlPolicy;
    private final RateLimiter rateLimiter;
    private final HostBreakers breakers;

    public ApiClient(ApiClientConfig config) {
        this(config, new JdkHttpTransport(config));
    }

    public ApiClient(ApiClientConfig config, HttpTransport transport) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.urlPolicy = new UrlPolicy(config.allowLoopbackHttp());
        this.rateLimiter = new RateLimiter(config.globalLimit(), config.endpointLimit(), config.nanoClock(),
                config.sleeper());
        this.breakers = new HostBreakers(config.breaker(), config.clock());
    }

    public HostBreakers breakers() {
        return breakers;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /**
     * Sends the request. A final 4xx/5xx is returned, not thrown; the caller decides what it means.
     *
     * @throws InsecureUrlException       for a URL the policy refuses (before anything is sent)
     * @throws CircuitOpenException       when the host's breaker does not permit the call
     * @throws RateLimitTimeoutException  when no permit came within {@code permitTimeout}
     * @throws ApiTransportException      when the last allowed attempt failed below HTTP, or did not finish
     *                                    within {@code requestTimeout} (body included)
     * @throws ResponseTooLargeException  when the body is larger than {@code maxResponseBytes}
     */
    public ApiResponse send(ApiRequest request) throws IOException, InterruptedException {
        urlPolicy.check(request.uri());
        String host = hostKey(request.uri());
        CircuitBreaker breaker = breakers.forHost(host);
        RetryPolicy policy = config.retryPolicy();
        boolean idempotent = request.method().idempotent();
        for (int attempt = 1; ; attempt++) {
            boolean lastAttempt = attempt >= policy.maxAttempts() || !idempotent;
            rateLimiter.acquire(request.endpoint(), config.permitTimeout());
            if (!breaker.tryAcquirePermission()) {
                rateLimiter.release(request.endpoint());
                throw new CircuitOpenException(host, request.describe());
            }
            long start = config.nanoClock().nanoTime();
            HttpResponse<byte[]> response;
            try {
                response = transport.send(toHttpRequest(request));
            } catch (ResponseTooLargeException e) {
                // The host answered; its answer is too big for this caller. Not a host failure, not worth a retry.
                breaker.releasePermission();
                throw e;
            } catch (IOException e) {
                breaker.onError(config.nanoClock().nanoTime() - start, TimeUnit.NANOSECONDS, e);
                TransportFailure failure = TransportFailure.classify(e);
                if (lastAttempt || !failure.retryable()) {
                    throw new ApiTransportException(request.describe(), attempt, failure, e);
                }
                Duration wait = policy.backoff(attempt, config.jitter().nextUnit());
                LOG.debug("{} failed ({}), attempt {}/{}, retrying in {}", request.describe(), failure, attempt,
                        policy.maxAttempts(), wait);
                config.sleeper().sleep(wait);
                continue;
            } catch (RuntimeException | InterruptedException e) {
                breaker.releasePermission();
                throw e;
            }
            int status = response.statusCode();
            recordOutcome(breaker, status, config.nanoClock().nanoTime() - start);
            RateLimitAdvice advice = RateLimitAdvice.from(response.headers(), config.clock());
            rateLimiter.observe(request.endpoint(), advice);
            if (lastAttempt || !RETRYABLE_STATUSES.contains(status)) {
                return new ApiResponse(status, response.headers(), response.body(), attempt);
            }
            int retryNumber = attempt;
            Duration wait = advice.retryAfter().orElseGet(() -> policy.backoff(retryNumber, config.jitter().nextUnit()));
            if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                LOG.debug("{} -> {}, server asks to wait {} (> {}), not retrying", request.describe(), status, wait,
                        policy.maxRetryAfter());
                return new ApiResponse(status, response.headers(), response.body(), attempt);
            }
            LOG.debug("{} -> {}, attempt {}/{}, retrying in {}", request.describe(), status, attempt,
                    policy.maxAttempts(), wait);
            config.sleeper().sleep(wait);
        }
    }

    /**
     * 5xx counts against the host's health; 429 is the server protecting its quota, not failing, so it is
     * neither success nor failure; everything else means the host answered sensibly.
     */
    private static void recordOutcome(CircuitBreaker breaker, int status, long elapsedNanos) {
        if (status == 429) {
            breaker.releasePermission();
        } else if (status >= 500) {
            breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, new ServerErrorStatus(status));
        } else {
            breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
        }
    }

    private HttpRequest toHttpRequest(ApiRequest request) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(config.requestTimeout());
        for (ApiRequest.Header h : request.headers()) {
            b.header(h.name(), h.value());
        }
        if (request.auth().isPresent()) {
            AccessTokenSource source = request.auth().get();
            b.header("Authorization", source.scheme() + " " + source.accessToken().revealAsString());
        }
        byte[] body = request.body();
        HttpRequest.BodyPublisher publisher = body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        return b.method(request.method().name(), publisher).build();
    }

    static String hostKey(URI uri) {
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** Recorded by the breaker for a 5xx answer; carries only the status. */
    static final class ServerErrorStatus extends Exception {
        private static final long serialVersionUID = 1L;

        ServerErrorStatus(int status) {
            super("HTTP " + status, null, false, false);
        }
    }
}
