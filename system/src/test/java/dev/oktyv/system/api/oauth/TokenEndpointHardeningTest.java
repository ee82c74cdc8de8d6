package dev.oktyv.system.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.oktyv.system.api.ApiClient;
import dev.oktyv.system.api.ApiClientConfig;
import dev.oktyv.system.api.RetryPolicy;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.time.ManualTime;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a hostile or broken token endpoint can put into our messages and token expiry. */
class TokenEndpointHardeningTest {

    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private HttpServer server;
    private TokenEndpointClient endpoint;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", ex -> {
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        URI token = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
        OAuthConfig config = OAuthConfig.of(URI.create("https://auth.example.com/authorize"), token, "oktyv-cli",
                URI.create("http://127.0.0.1:9999/callback"), List.of("read"));
        ApiClient client = new ApiClient(ApiClientConfig.builder().allowLoopbackHttp(true)
                .retryPolicy(RetryPolicy.NONE).build());
        endpoint = new TokenEndpointClient(client, config, new ManualTime().clock());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theErrorCodeIsSanitisedBeforeItReachesTheMessage() {
        status.set(400);
        answer.set("{\"error\":\"invalid_grant\\r\\nX-Injected: yes <script>" + "A".repeat(500) + "\"}");
        assertThatThrownBy(() -> endpoint.refresh(Secret.of("rt")))
                .isInstanceOf(OAuthException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n")
                        .doesNotContain("<script>").hasSizeLessThan(200)
                        .contains("error=invalid_grant"));
        answer.set("{\"error\":\"invalid_grant\"}");
        assertThatThrownBy(() -> endpoint.refresh(Secret.of("rt")))
                .hasMessage("token endpoint rejected refresh_token grant: HTTP 400, error=invalid_grant");
    }

    @Test
    void aMalformedExpiresInIsAClearError() throws Exception {
        for (String bad : new String[] {"\"soon\"", "{}", "1e400", "[1]"}) {
            answer.set("{\"access_token\":\"at\",\"expires_in\":" + bad + "}");
            assertThatThrownBy(() -> endpoint.refresh(Secret.of("rt")))
                    .as("expires_in %s", bad)
                    .isInstanceOf(OAuthException.class)
                    .hasMessageContaining("expires_in").hasMessageNotContaining("at\"");
        }
        answer.set("{\"access_token\":\"at\",\"expires_in\":60}");
        assertThat(endpoint.refresh(Secret.of("rt"))).isNotNull();
    }
}
