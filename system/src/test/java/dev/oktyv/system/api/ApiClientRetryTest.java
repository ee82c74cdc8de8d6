package dev.oktyv.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.time.ManualTime;
import dev.oktyv.system.tls.TestCertificates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiClientRetryTest {

    private static final RetryPolicy POLICY =
            new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(500), 0.5, Duration.ofSeconds(30));

    private static LocalHttpsServer server;
    private static final AtomicInteger unavailableHits = new AtomicInteger();
    private static final AtomicInteger postHits = new AtomicInteger();
    private static final AtomicInteger notFoundHits = new AtomicInteger();
    private static final AtomicInteger throttledHits = new AtomicInteger();
    private static final AtomicInteger datedHits = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        server = LocalHttpsServer.https()
                .handle("/unavailable", ex -> {
                    unavailableHits.incrementAndGet();
                    LocalHttpsServer.respond(ex, 503, "busy");
                })
                .handle("/post", ex -> {
                    postHits.incrementAndGet();
                    LocalHttpsServer.respond(ex, 503, "busy");
                })
                .handle("/missing", ex -> {
                    notFoundHits.incrementAndGet();
                    LocalHttpsServer.respond(ex, 404, "no");
                })
                .handle("/throttled", ex -> {
                    // 429 with Retry-After: 2 on the first call, then success.
                    if (throttledHits.incrementAndGet() == 1) {
                        ex.getResponseHeaders().add("Retry-After", "2");
                        LocalHttpsServer.respond(ex, 429, "slow down");
                    } else {
                        LocalHttpsServer.respond(ex, 200, "ok");
                    }
                })
                .handle("/dated", ex -> {
                    // ManualTime starts at 2026-01-01T00:00:00Z, so this asks for 7 s.
                    if (datedHits.incrementAndGet() == 1) {
                        ex.getResponseHeaders().add("Retry-After", "Thu, 01 Jan 2026 00:00:07 GMT");
                        LocalHttpsServer.respond(ex, 503, "maintenance");
                    } else {
                        LocalHttpsServer.respond(ex, 200, "ok");
                    }
                })
                .handle("/quota", ex -> {
                    ex.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                    ex.getResponseHeaders().add("X-RateLimit-Reset", "3");
                    LocalHttpsServer.respond(ex, 200, "last one for now");
                })
                .handle("/too-long", ex -> {
                    ex.getResponseHeaders().add("Retry-After", "3600");
                    LocalHttpsServer.respond(ex, 429, "come back in an hour");
                })
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ApiClient client(ManualTime time, JitterSource jitter, RetryPolicy policy) {
        return new ApiClient(ApiClientConfig.builder()
                .sslContext(TestCertificates.clientContext())
                .retryPolicy(policy)
                .breaker(new BreakerSettings(100, 100, 50, Duration.ofSeconds(30), 1))
                .time(time.clock(), time, time)
                .jitter(jitter)
                .build());
    }

    static JitterSource sequence(double... samples) {
        List<Double> list = new ArrayList<>();
        for (double s : samples) {
            list.add(s);
        }
        Iterator<Double> it = list.iterator();
        return () -> it.next();
    }

    @Test
    void retriesGetOn503WithTheExactCappedJitteredSchedule() throws Exception {
        ManualTime time = new ManualTime();
        int before = unavailableHits.get();
        ApiResponse response = client(time, sequence(0.0, 0.5, 0.75, 0.25), POLICY)
                .send(ApiRequest.get(server.uri("/unavailable")));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.attempts()).isEqualTo(5);
        assertThat(unavailableHits.get() - before).isEqualTo(5);
        // base 100, 200, 400, min(800, 500)=500 ms; wait = base * (0.5 + 0.5 * u)
        assertThat(time.sleeps()).containsExactly(
                Duration.ofMillis(50), Duration.ofMillis(150), Duration.ofMillis(350), Duration.ofNanos(312_500_000));
    }

    @Test
    void seededJitterGivesTheSameScheduleTwiceAndStaysWithinBounds() throws Exception {
        ManualTime a = new ManualTime();
        ManualTime b = new ManualTime();
        client(a, JitterSource.seeded(42), POLICY).send(ApiRequest.get(server.uri("/unavailable")));
        client(b, JitterSource.seeded(42), POLICY).send(ApiRequest.get(server.uri("/unavailable")));

        assertThat(a.sleeps()).hasSize(4).isEqualTo(b.sleeps());
        long[] baseMillis = {100, 200, 400, 500};
        for (int i = 0; i < 4; i++) {
            assertThat(a.sleeps().get(i)).isBetween(Duration.ofMillis(baseMillis[i] / 2), Duration.ofMillis(baseMillis[i]));
        }
    }

    @Test
    void postIsNeverRetried() throws Exception {
        ManualTime time = new ManualTime();
        int before = postHits.get();
        ApiResponse response = client(time, JitterSource.seeded(1), POLICY)
                .send(ApiRequest.of(HttpMethod.POST, server.uri("/post"), "{}".getBytes()));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.attempts()).isEqualTo(1);
        assertThat(postHits.get() - before).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        ManualTime time = new ManualTime();
        ApiResponse response = client(time, JitterSource.seeded(1), POLICY).send(ApiRequest.get(server.uri("/missing")));

        assertThat(response.status()).isEqualTo(404);
        assertThat(notFoundHits.get()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void honoursRetryAfterInSeconds() throws Exception {
        ManualTime time = new ManualTime();
        ApiResponse response = client(time, JitterSource.seeded(1), POLICY).send(ApiRequest.get(server.uri("/throttled")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void honoursRetryAfterAsHttpDate() throws Exception {
        ManualTime time = new ManualTime();
        ApiResponse response = client(time, JitterSource.seeded(1), POLICY).send(ApiRequest.get(server.uri("/dated")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterBeyondTheLimitEndsTheCallAndPausesTheEndpoint() throws Exception {
        ManualTime time = new ManualTime();
        ApiClient client = client(time, JitterSource.seeded(1), POLICY);
        ApiResponse response = client.send(ApiRequest.get(server.uri("/too-long")));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.attempts()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
        // The next call to that endpoint must not be sent for an hour; with a 10 s permit timeout it fails fast.
        assertThatThrownBy(() -> client.send(ApiRequest.get(server.uri("/too-long"))))
                .isInstanceOf(RateLimitTimeoutException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void aSpentQuotaHoldsTheNextCallUntilTheReset() throws Exception {
        ManualTime time = new ManualTime();
        ApiClient client = client(time, JitterSource.seeded(1), POLICY);
        assertThat(client.send(ApiRequest.get(server.uri("/quota"))).status()).isEqualTo(200);
        assertThat(time.sleeps()).isEmpty();
        assertThat(client.send(ApiRequest.get(server.uri("/quota"))).status()).isEqualTo(200);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }
}
