package dev.oktyv.bench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.service.ServiceOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The names the service's own health checks use are not the client's to write (issue 13, low): with the token, a
 * client could otherwise mark the service DOWN for good.
 */
class ReservedNamesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAuthenticatedClientCannotBreakTheHealthChecks() throws Exception {
        try (EmbeddedService service = EmbeddedService.start(ServiceOptions.defaults(), null)) {
            String token = service.token().revealAsString();
            assertThat(service.healthChecker().run().status()).isEqualTo(HealthStatus.UP);

            // A directory where the files check writes its probe file, and the token the vault check decrypts.
            HttpResponse<String> probe = send(service, token, "PUT", "/files/.health-probe/x", "x");
            assertThat(probe.statusCode()).isEqualTo(403);
            assertThat(probe.body()).contains("reserved");
            assertThat(send(service, token, "PUT", "/files/.health-probe", "x").statusCode()).isEqualTo(403);
            assertThat(send(service, token, "DELETE", "/vault/oktyv-service/token", null).statusCode()).isEqualTo(403);
            assertThat(send(service, token, "PUT", "/vault/oktyv-service/token", "{\"value\":\"other\"}").statusCode())
                    .isEqualTo(403);

            assertThat(service.healthChecker().run().status()).isEqualTo(HealthStatus.UP);
            // The holder of the token may still read it, and other names are untouched by the reservation.
            assertThat(send(service, token, "GET", "/vault/oktyv-service/token", null).statusCode()).isEqualTo(200);
            assertThat(send(service, token, "PUT", "/files/health-probe-not-reserved/x", "x").statusCode()).isEqualTo(204);
            assertThat(send(service, token, "PUT", "/vault/app/token", "{\"value\":\"v\"}").statusCode()).isEqualTo(204);
        }
    }

    private HttpResponse<String> send(EmbeddedService service, String token, String method, String path, String body)
            throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(service.uri() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }
}
