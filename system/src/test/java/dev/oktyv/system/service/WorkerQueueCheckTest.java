package dev.oktyv.system.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.secret.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerQueueCheckTest {

    @Test
    void degradedWhileRequestsQueueForAWorker() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Route slow = new Route() {
            @Override
            public HttpMethod method() {
                return HttpMethod.GET;
            }

            @Override
            public String path() {
                return "/slow";
            }

            @Override
            public boolean requiresToken() {
                return false;
            }

            @Override
            public Response handle(Request request) throws InterruptedException {
                entered.countDown();
                release.await(30, TimeUnit.SECONDS);
                return Response.noContent();
            }
        };
        ServiceOptions one = new ServiceOptions(ServiceOptions.defaults().bindAddress(), 0, 1, 1, 16, 1024,
                CorsPolicy.DISABLED);
        OktyvService service = OktyvService.start(one, List.of(slow), new BearerAuth(Secret.of("queue-check-token-0123")),
                new MetricsCollector());
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<Void>>> pending = new ArrayList<>();
        try {
            assertThat(service.workerQueueCheck().check()).isEqualTo(HealthStatus.UP);
            HttpRequest req = HttpRequest.newBuilder(URI.create(service.uri() + "/slow")).build();
            pending.add(http.sendAsync(req, HttpResponse.BodyHandlers.discarding()));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue(); // the only worker is busy
            pending.add(http.sendAsync(req, HttpResponse.BodyHandlers.discarding()));
            // The second request sits in the 1-slot queue once the dispatcher has read it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            HealthStatus status = HealthStatus.UP;
            while (status == HealthStatus.UP && System.nanoTime() < deadline) {
                status = service.workerQueueCheck().check();
                Thread.yield();
            }
            assertThat(status).isEqualTo(HealthStatus.DEGRADED);
        } finally {
            release.countDown();
            for (CompletableFuture<HttpResponse<Void>> f : pending) {
                assertThat(f.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
            }
            assertThat(service.workerQueueCheck().check()).isEqualTo(HealthStatus.UP);
            service.stop(Duration.ZERO);
        }
    }
}
