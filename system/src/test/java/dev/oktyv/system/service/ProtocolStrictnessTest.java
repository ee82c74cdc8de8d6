package dev.oktyv.system.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.health.HealthChecker;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.routes.HealthRoute;
import dev.oktyv.system.service.routes.VaultGetRoute;
import dev.oktyv.system.service.routes.VaultPutRoute;
import dev.oktyv.system.time.NanoClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol edges (issue 13, low): our own short JSON errors instead of the server's error pages, method names
 * compared case-sensitively, and JSON bodies parsed strictly.
 */
class ProtocolStrictnessTest {

    private static final String TOKEN = "strict-test-token-0123456789";

    private final HealthChecker health = new HealthChecker();
    private final InMemoryKeyValueBackend kv = new InMemoryKeyValueBackend();
    private OktyvService service;

    @BeforeEach
    void start() throws Exception {
        health.register("always", Duration.ofSeconds(1), true, () -> HealthStatus.UP);
        service = OktyvService.start(ServiceOptions.defaults(), List.of(new HealthRoute(health, Duration.ZERO,
                NanoClock.SYSTEM), new VaultGetRoute(kv), new VaultPutRoute(kv)), new BearerAuth(Secret.of(TOKEN)),
                new MetricsCollector());
    }

    @AfterEach
    void stop() {
        service.stop(Duration.ZERO);
        health.close();
    }

    private String send(String head, byte[] body) throws Exception {
        return RawHttp.exchange(service.uri(), head, body);
    }

    private String put(byte[] json) throws Exception {
        return send("PUT /vault/app/k HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\nConnection: close\r\n\r\n", json);
    }

    @Test
    void methodNamesAreCaseSensitive() throws Exception {
        assertThat(RawHttp.status(send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", null)))
                .isEqualTo(200);
        String lower = send("get /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", null);
        assertThat(RawHttp.status(lower)).as(lower).isIn(400, 405, 501);
        assertShortJsonError(lower);
    }

    @Test
    void malformedRequestsGetShortJsonErrorsNamingNoExceptionClass() throws Exception {
        String badUri = send("GET /vault/a%zz/k HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nConnection: close\r\n\r\n", null);
        assertThat(RawHttp.status(badUri)).as(badUri).isEqualTo(400);
        assertShortJsonError(badUri);
        String spaceInUri = send("GET /health x/y HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", null);
        assertThat(RawHttp.status(spaceInUri)).as(spaceInUri).isEqualTo(400);
        assertShortJsonError(spaceInUri);
        String badLength = send("PUT /vault/app/k HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Length: 12abc\r\nConnection: close\r\n\r\n", null);
        assertThat(RawHttp.status(badLength)).as(badLength).isEqualTo(400);
        assertShortJsonError(badLength);
    }

    @Test
    void jsonBodiesAreParsedStrictly() throws Exception {
        assertThat(RawHttp.status(put("{\"value\":\"ok\"}".getBytes(StandardCharsets.UTF_8)))).isEqualTo(204);
        assertThat(RawHttp.status(put("{'value':'single'}".getBytes(StandardCharsets.UTF_8)))).isEqualTo(400);
        assertThat(RawHttp.status(put("{\"value\":\"x\" /* comment */}".getBytes(StandardCharsets.UTF_8)))).isEqualTo(400);
        assertThat(RawHttp.status(put("{\"value\":\"x\"} // comment".getBytes(StandardCharsets.UTF_8)))).isEqualTo(400);
        assertThat(RawHttp.status(put("{value:\"unquoted\"}".getBytes(StandardCharsets.UTF_8)))).isEqualTo(400);
        assertThat(RawHttp.status(put("{\"value\":\"x\"} {}".getBytes(StandardCharsets.UTF_8)))).isEqualTo(400);
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.writeBytes("{\"value\":\"a".getBytes(StandardCharsets.UTF_8));
        invalidUtf8.write(0xC3); // a lead byte without its continuation byte
        invalidUtf8.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        String answer = put(invalidUtf8.toByteArray());
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(400);
        assertShortJsonError(answer);
    }

    private static void assertShortJsonError(String response) {
        assertThat(response).containsIgnoringCase("Content-Type: application/json");
        String body = RawHttp.body(response);
        assertThat(body).startsWith("{\"error\":\"").hasSizeLessThan(200);
        assertThat(body).doesNotContain("Exception", "thrown", "<html", "jetty", "Jetty", "at ");
    }
}
