package dev.oktyv.system.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.monitoring.MetricKey;
import dev.oktyv.system.monitoring.MetricStats;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.Window;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.time.ManualTime;
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

/** Behaviour with requests waiting for a worker: the queue health check, and timing that includes the wait. */
class WorkerQueueCheckTest {

    @Test
    void requestTimingIncludesTheWaitForAWorker() throws Exception {
        ManualTime time = new ManualTime();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MetricsCollector metrics = new MetricsCollector();
        ServiceOptions one = new ServiceOptions(ServiceOptions.defaults().bindAddress(), 0, 1, 1, 16, 1024,
                CorsPolicy.DISABLED);
        OktyvService service = OktyvService.start(one, List.of(blocking(entered, release)),
                new BearerAuth(Secret.of("queue-check-token-0123")), metrics, time);
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(service.uri() + "/slow")).build();
            CompletableFuture<HttpResponse<Void>> first = http.sendAsync(req, HttpResponse.BodyHandlers.discarding());
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<HttpResponse<Void>> second = http.sendAsync(req, HttpResponse.BodyHandlers.discarding());
            awaitQueued(service);
            time.advance(Duration.ofSeconds(5)); // the second request waits in the queue while time passes
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
            assertThat(second.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
            MetricStats s = metrics.stats(MetricKey.of("oktyv_http_request_duration_seconds", "route", "GET /slow",
                    "status", "2xx"), Window.SINCE_START);
            assertThat(s.count()).isEqualTo(2);
            // Without the dispatch stamp, the second request's handler would start after the advance and read ~0.
            assertThat(s.min()).isGreaterThanOrEqualTo(4.9);
        } finally {
            release.countDown();
            service.stop(Duration.ZERO);
        }
    }

    private static void awaitQueued(OktyvService service) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (service.workerQueueCheck().check() == HealthStatus.UP && System.nanoTime() < deadline) {
            Thread.yield();
        }
        assertThat(service.workerQueueCheck().check()).isEqualTo(HealthStatus.DEGRADED);
    }

    private static Route blocking(CountDownLatch entered, CountDownLatch release) {
        return new Route() {
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
    }

    @Test
    void degradedWhileRequestsQueueForAWorker() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Route slow = blocking(entered, release);
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

    @Test
    void aRouteRunByAFullQueueNeverHoldsTheSelector() throws Exception {
        // One worker, a one-slot queue: the third /slow is run by the thread that hands it over (caller runs). The
        // handler runs on Jetty's selector; were that hand-over done there, the selector would be held by /slow and
        // a new connection would never be read, so the ready answer below would time out.
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ServiceOptions one = new ServiceOptions(ServiceOptions.defaults().bindAddress(), 0, 1, 1, 16, 1024,
                CorsPolicy.DISABLED);
        OktyvService service = OktyvService.start(one, List.of(blocking(entered, release), ready()),
                new BearerAuth(Secret.of("queue-check-token-0123")), new MetricsCollector());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<Void>>> pending = new ArrayList<>();
        try {
            HttpRequest slow = HttpRequest.newBuilder(URI.create(service.uri() + "/slow")).build();
            pending.add(http.sendAsync(slow, HttpResponse.BodyHandlers.discarding()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (entered.getCount() == 2 && System.nanoTime() < deadline) {
                Thread.yield();
            }
            assertThat(entered.getCount()).isEqualTo(1); // the only worker is busy
            pending.add(http.sendAsync(slow, HttpResponse.BodyHandlers.discarding()));
            awaitQueued(service);
            pending.add(http.sendAsync(slow, HttpResponse.BodyHandlers.discarding()));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue(); // the third runs in the handing-over thread
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.uri() + "/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"ready\":true}");
        } finally {
            release.countDown();
            for (CompletableFuture<HttpResponse<Void>> f : pending) {
                assertThat(f.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
            }
            service.stop(Duration.ZERO);
        }
    }

    private static Route ready() {
        Response answer = Response.text(200, Response.JSON, "{\"ready\":true}");
        return new Route() {
            @Override
            public HttpMethod method() {
                return HttpMethod.GET;
            }

            @Override
            public String path() {
                return "/ready";
            }

            @Override
            public boolean requiresToken() {
                return false;
            }

            @Override
            public Response handle(Request request) {
                return answer;
            }

            @Override
            public Response readyAnswer() {
                return answer;
            }
        };
    }
}
