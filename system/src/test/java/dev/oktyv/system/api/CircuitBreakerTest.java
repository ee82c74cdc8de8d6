package dev.oktyv.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.time.ManualTime;
import dev.oktyv.system.tls.TestCertificates;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    @Test
    void breakerGoesClosedOpenHalfOpenClosedAndPublishesEveryTransition() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(false);
        AtomicInteger hits = new AtomicInteger();
        try (LocalHttpsServer server = LocalHttpsServer.https().handle("/svc", ex -> {
            hits.incrementAndGet();
            LocalHttpsServer.respond(ex, healthy.get() ? 200 : 500, "");
        }).start()) {
            ManualTime time = new ManualTime();
            ApiClient client = new ApiClient(ApiClientConfig.builder()
                    .sslContext(TestCertificates.clientContext())
                    .retryPolicy(RetryPolicy.NONE)
                    .breaker(new BreakerSettings(4, 4, 50, Duration.ofSeconds(30), 2))
                    .time(time.clock(), time, time)
                    .build());
            List<BreakerTransition> events = new CopyOnWriteArrayList<>();
            client.breakers().addListener(events::add);
            client.breakers().addListener(t -> {
                throw new IllegalStateException("a broken listener must not break the call");
            });
            String host = ApiClient.hostKey(server.uri("/"));

            for (int i = 0; i < 4; i++) {
                assertThat(client.send(ApiRequest.get(server.uri("/svc"))).status()).isEqualTo(500);
            }
            assertThat(client.breakers().state(host)).isEqualTo(BreakerState.OPEN);

            assertThatThrownBy(() -> client.send(ApiRequest.get(server.uri("/svc"))))
                    .isInstanceOf(CircuitOpenException.class).hasMessageContaining(host);
            assertThat(hits.get()).as("an open breaker sends nothing").isEqualTo(4);
            assertThat(client.rateLimiter().endpoint("127.0.0.1").availablePermits())
                    .as("and consumes no rate-limit permit").isEqualTo(20 - 4);

            time.advance(Duration.ofSeconds(31));
            healthy.set(true);
            assertThat(client.send(ApiRequest.get(server.uri("/svc"))).status()).isEqualTo(200);
            assertThat(client.breakers().state(host)).isEqualTo(BreakerState.HALF_OPEN);
            assertThat(client.send(ApiRequest.get(server.uri("/svc"))).status()).isEqualTo(200);
            assertThat(client.breakers().state(host)).isEqualTo(BreakerState.CLOSED);

            assertThat(events).extracting(t -> t.from() + "->" + t.to())
                    .containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
            assertThat(events).allMatch(t -> t.host().equals(host));
            assertThat(events.get(1).at()).isEqualTo(time.now());
        }
    }

    @Test
    void settingsAreValidatedWithTheBadValueNamed() {
        assertThatThrownBy(() -> new BreakerSettings(4, 5, 50, Duration.ofSeconds(1), 1))
                .hasMessage("minimumCalls must be in [1, windowSize=4], was 5");
        assertThatThrownBy(() -> new BreakerSettings(4, 4, 0, Duration.ofSeconds(1), 1))
                .hasMessageContaining("failureRatePercent");
    }
}
