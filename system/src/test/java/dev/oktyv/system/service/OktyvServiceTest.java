package dev.oktyv.system.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.monitoring.MetricKey;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.Window;
import dev.oktyv.system.monitoring.health.HealthChecker;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.monitoring.prometheus.StrictPrometheusParser;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.routes.HealthRoute;
import dev.oktyv.system.service.routes.MetricsRoute;
import dev.oktyv.system.service.routes.VaultDeleteRoute;
import dev.oktyv.system.service.routes.VaultGetRoute;
import dev.oktyv.system.service.routes.VaultPutRoute;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OktyvServiceTest {

    private static final String TOKEN = "test-token-0123456789abcdef";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final MetricsCollector metrics = new MetricsCollector();
    private final HealthChecker health = new HealthChecker();
    private final AtomicReference<HealthStatus> dbStatus = new AtomicReference<>(HealthStatus.UP);
    private OktyvService service;
    private Duration healthMaxAge = Duration.ZERO;
    private final List<Route> extraRoutes = new ArrayList<>();

    private void start(ServiceOptions options) throws Exception {
        health.register("db", Duration.ofSeconds(5), true, dbStatus::get);
        InMemoryKeyValueBackend kv = new InMemoryKeyValueBackend();
        List<Route> routes = new ArrayList<>(List.of(new HealthRoute(health, healthMaxAge, dev.oktyv.system.time.NanoClock.SYSTEM), new MetricsRoute(metrics),
                new VaultGetRoute(kv), new VaultPutRoute(kv), new VaultDeleteRoute(kv)));
        routes.add(new Route() {
            @Override
            public HttpMethod method() {
                return HttpMethod.GET;
            }

            @Override
            public String path() {
                return "/boom";
            }

            @Override
            public Response handle(Request request) {
                throw new IllegalStateException("cannot open /home/oktyv/vault.db with password=hunter2");
            }
        });
        routes.addAll(extraRoutes);
        service = OktyvService.start(options, routes, new BearerAuth(Secret.of(TOKEN)), metrics);
    }

    private void start() throws Exception {
        start(ServiceOptions.defaults());
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop(Duration.ZERO);
        }
        health.close();
    }

    private HttpRequest.Builder req(String path) {
        return HttpRequest.newBuilder(URI.create(service.uri() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpRequest.Builder authed(String path) {
        return req(path).header("Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsOpenAndEverythingElseNeedsTheToken() throws Exception {
        start();
        assertThat(send(req("/health")).statusCode()).isEqualTo(200);
        HttpResponse<String> none = send(req("/metrics"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).isEqualTo("{\"error\":\"unauthorized\",\"message\":\"unauthorized\"}");
        assertThat(send(req("/metrics").header("Authorization", "Bearer " + TOKEN + "x")).statusCode()).isEqualTo(401);
        assertThat(send(req("/metrics").header("Authorization", "Basic " + TOKEN)).statusCode()).isEqualTo(401);
        assertThat(send(req("/metrics").header("Authorization", "Bearer")).statusCode()).isEqualTo(401);
        assertThat(send(authed("/metrics")).statusCode()).isEqualTo(200);
        // Unknown paths do not reveal themselves without the token.
        assertThat(send(req("/nothing-here")).statusCode()).isEqualTo(401);
        assertThat(send(authed("/nothing-here")).statusCode()).isEqualTo(404);
    }

    @Test
    void healthIs503OnlyWhenACriticalCheckIsDown() throws Exception {
        start();
        dbStatus.set(HealthStatus.DEGRADED);
        assertThat(send(req("/health")).statusCode()).isEqualTo(200);
        dbStatus.set(HealthStatus.DOWN);
        HttpResponse<String> down = send(req("/health"));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("\"name\":\"db\"");
    }

    @Test
    void errorsAreJsonWithoutStackTracesOrSecrets() throws Exception {
        start();
        HttpResponse<String> r = send(authed("/boom"));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).contains(Response.JSON);
        assertThat(r.body()).isEqualTo("{\"error\":\"internal\",\"message\":\"internal error\"}");
        assertThat(r.body()).doesNotContain("hunter2", "/home", "Exception", "at dev.");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        start();
        HttpResponse<String> r = send(authed("/metrics").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void oversizedBodiesAre413WhetherDeclaredOrChunked() throws Exception {
        start(ServiceOptions.defaults().withMaxBodyBytes(64));
        String big = "{\"value\":\"" + "x".repeat(100) + "\"}";
        HttpResponse<String> declared = send(authed("/vault/v/k").PUT(HttpRequest.BodyPublishers.ofString(big)));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("\"error\":\"payload_too_large\"");
        HttpResponse<String> chunked = send(authed("/vault/v/k").PUT(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes()))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        HttpResponse<String> small = send(authed("/vault/v/k").PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"s\"}")));
        assertThat(small.statusCode()).isEqualTo(204);
    }

    @Test
    void anEarlyAnswerThatLeavesABodyUnreadSaysTheConnectionCloses() throws Exception {
        start();
        // A PUT without the token is answered 401 before its body is read; the body is never sent here. The server
        // closes such a connection after the answer, so the answer must say so, or a keep-alive client sends its
        // next request into the closing connection (seen as "header parser received no bytes").
        try (java.net.Socket s = RawHttp.connect(service.uri(), Duration.ofSeconds(10))) {
            s.getOutputStream().write(("PUT /vault/v/k HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(RawHttp.status(answer)).isEqualTo(401);
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("\r\nconnection: close\r\n");
        }
        // Without a body the connection stays usable: the same client gets two answers on it.
        try (java.net.Socket s = RawHttp.connect(service.uri(), Duration.ofSeconds(10))) {
            byte[] get = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            s.getOutputStream().write(get);
            s.getOutputStream().write(get);
            s.getOutputStream().flush();
            s.shutdownOutput();
            String answers = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(answers.split("HTTP/1.1 401", -1)).hasSize(3);
        }
    }

    @Test
    void aRequestTheServerRejectsIsAnsweredWithConnectionClose() throws Exception {
        start();
        // An ambiguous path is refused by Jetty before any route, and Jetty closes the connection afterwards: the
        // answer must say so, or a keep-alive client reuses the closing connection for its next request.
        try (java.net.Socket s = RawHttp.connect(service.uri(), Duration.ofSeconds(10))) {
            s.getOutputStream().write(("GET /vault/a/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(RawHttp.status(answer)).isEqualTo(400);
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("\r\nconnection: close\r\n");
        }
    }

    @Test
    void vaultRoutesRoundTrip() throws Exception {
        start();
        assertThat(send(authed("/vault/app/db-password")).statusCode()).isEqualTo(404);
        assertThat(send(authed("/vault/app/db-password")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"p:a:ss\"}"))).statusCode()).isEqualTo(204);
        HttpResponse<String> got = send(authed("/vault/app/db-password"));
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("{\"value\":\"p:a:ss\"}");
        assertThat(send(authed("/vault/app/db-password").DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(authed("/vault/app/db-password").DELETE()).statusCode()).isEqualTo(404);
        assertThat(send(authed("/vault/app/k").PUT(HttpRequest.BodyPublishers.ofString("not json"))).statusCode())
                .isEqualTo(400);
        assertThat(send(authed("/vault/app/%2e%2e")).statusCode()).isEqualTo(400);
        assertThat(send(authed("/vault/app/a%2Fb")).statusCode()).as("encoded slash stays in its segment").isEqualTo(400);
    }

    @Test
    void corsIsOffByDefault() throws Exception {
        start();
        HttpResponse<String> r = send(authed("/metrics").header("Origin", "https://evil.example"));
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control"));
        HttpResponse<String> pre = send(req("/metrics").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET"));
        assertThat(pre.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control"));
    }

    @Test
    void corsEchoesOnlyConfiguredOrigins() throws Exception {
        start(ServiceOptions.defaults().withCors(new CorsPolicy(Set.of("https://ui.example"))));
        HttpResponse<String> ok = send(authed("/metrics").header("Origin", "https://ui.example"));
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains("https://ui.example");
        HttpResponse<String> other = send(authed("/metrics").header("Origin", "https://evil.example"));
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> pre = send(req("/metrics").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://ui.example").header("Access-Control-Request-Method", "GET"));
        assertThat(pre.statusCode()).isEqualTo(204);
        assertThat(pre.headers().firstValue("Access-Control-Allow-Methods")).isPresent();
    }

    @Test
    void everyRequestIsCountedByRouteAndStatusClass() throws Exception {
        start();
        for (int i = 0; i < 3; i++) {
            send(authed("/metrics"));
        }
        send(req("/metrics"));
        send(req("/metrics"));
        send(authed("/nothing"));
        assertThat(count("GET /metrics", "2xx")).isEqualTo(3);
        assertThat(count("GET /metrics", "4xx")).isEqualTo(2);
        assertThat(count("unmatched", "4xx")).isEqualTo(1);

        // And the exposition the service serves is valid and carries the same counts.
        String text = send(authed("/metrics")).body();
        StrictPrometheusParser.Family f = StrictPrometheusParser.parse(text).get("oktyv_http_request_duration_seconds");
        assertThat(f.type()).isEqualTo("summary");
        assertThat(f.samples()).filteredOn(s -> s.name().endsWith("_count")
                        && "GET /metrics".equals(s.labels().get("route")) && "4xx".equals(s.labels().get("status")))
                .singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(2.0));
    }

    @Test
    void aFreshCachedHealthIsAnsweredWithoutAWorkerWithEveryHeaderAndCounted() throws Exception {
        healthMaxAge = Duration.ofHours(1);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        extraRoutes.add(new Route() {
            @Override
            public HttpMethod method() {
                return HttpMethod.GET;
            }

            @Override
            public String path() {
                return "/hold";
            }

            @Override
            public Response handle(Request request) throws InterruptedException {
                entered.countDown();
                release.await(30, TimeUnit.SECONDS);
                return Response.noContent();
            }
        });
        start(ServiceOptions.defaults().withThreads(1).withCors(new CorsPolicy(Set.of("https://ui.example"))));
        assertThat(send(req("/health")).statusCode()).isEqualTo(200); // builds the cached report on the worker
        var held = http.sendAsync(authed("/hold").build(), HttpResponse.BodyHandlers.ofString());
        try {
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            // The only worker is busy: a /health that needed it would wait for /hold and time out.
            HttpResponse<String> h = send(req("/health").header("Origin", "https://ui.example"));
            assertThat(h.statusCode()).isEqualTo(200);
            assertThat(h.body()).contains("\"status\":\"UP\"");
            assertThat(h.headers().firstValue("Content-Type")).contains(Response.JSON);
            assertThat(h.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(h.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(h.headers().firstValue("Access-Control-Allow-Origin")).contains("https://ui.example");
            assertThat(h.headers().firstValue("Content-Length")).contains(String.valueOf(h.body().length()));
            assertThat(count("GET /health", "2xx")).isEqualTo(2);
            assertThat(held).isNotDone();
        } finally {
            release.countDown();
        }
        assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        // With a body the request takes the worker path (the body is read, not left on the connection): same answer.
        HttpResponse<String> withBody = send(req("/health").method("GET", HttpRequest.BodyPublishers.ofString("x")));
        assertThat(withBody.statusCode()).isEqualTo(200);
        assertThat(withBody.headers().firstValue("Content-Length")).contains(String.valueOf(withBody.body().length()));
        assertThat(send(req("/health")).statusCode()).isEqualTo(200); // and the connection is still in order
        assertThat(count("GET /health", "2xx")).isEqualTo(4);
    }

    private long count(String route, String status) {
        return metrics.stats(MetricKey.of("oktyv_http_request_duration_seconds", "route", route, "status", status),
                Window.SINCE_START).count();
    }
}
