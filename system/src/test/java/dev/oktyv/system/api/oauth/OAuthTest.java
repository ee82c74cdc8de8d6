package dev.oktyv.system.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.api.ApiClient;
import dev.oktyv.system.api.ApiClientConfig;
import dev.oktyv.system.api.RateLimit;
import dev.oktyv.system.api.RetryPolicy;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.time.ManualTime;
import dev.oktyv.system.tls.TestCertificates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTest {

    private FakeAuthorizationServer server;
    private final ManualTime time = new ManualTime();
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private OAuthConfig config;
    private TokenEndpointClient endpoint;

    @BeforeEach
    void start() throws Exception {
        server = new FakeAuthorizationServer();
        config = OAuthConfig.of(URI.create("https://auth.example.com/authorize"), server.uri("/token"), "oktyv-cli",
                URI.create("http://127.0.0.1:9999/callback"), List.of("read"));
        ApiClient client = new ApiClient(ApiClientConfig.builder()
                .sslContext(TestCertificates.clientContext())
                .retryPolicy(RetryPolicy.NONE)
                .globalLimit(new RateLimit(1000, 1000)).endpointLimit(new RateLimit(1000, 1000))
                .build());
        endpoint = new TokenEndpointClient(client, config, time.clock());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> query(URI uri) {
        return FakeAuthorizationServer.form(uri.getRawQuery());
    }

    @Test
    void authorizationCodeFlowSendsAnS256ChallengeAndRedeemsTheCodeWithItsVerifier() throws Exception {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(config, endpoint, store, new SecureRandom());
        PendingAuthorization pending = flow.begin();
        Map<String, String> q = query(pending.authorizationUri());
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", "oktyv-cli")
                .containsEntry("code_challenge_method", "S256").containsEntry("scope", "read")
                .containsEntry("redirect_uri", "http://127.0.0.1:9999/callback");
        assertThat(q.get("code_challenge")).hasSize(43);
        assertThat(q.get("state")).hasSizeGreaterThanOrEqualTo(32);
        server.expectedChallenge.set(q.get("code_challenge"));

        URI redirect = URI.create("http://127.0.0.1:9999/callback?code=code-1&state=" + q.get("state"));
        OAuthToken token = flow.complete(pending, redirect, "github");

        assertThat(token.accessToken().revealAsString()).isEqualTo("at-1");
        assertThat(token.expiresAt()).isEqualTo(time.now().plusSeconds(3600));
        assertThat(store.get("github")).isPresent();
        assertThat(server.codeExchanges.get()).isEqualTo(1);
        assertThat(token.toString()).doesNotContain("at-1").doesNotContain("rt-1");
        assertThat(pending.toString()).doesNotContain(q.get("state"));
    }

    @Test
    void aWrongOrMissingStateIsRefusedBeforeAnyCodeIsRedeemed() {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(config, endpoint, store, new SecureRandom());
        PendingAuthorization pending = flow.begin();
        for (String redirect : new String[] {"http://127.0.0.1:9999/callback?code=code-1&state=forged",
                "http://127.0.0.1:9999/callback?code=code-1"}) {
            assertThatThrownBy(() -> flow.complete(pending, URI.create(redirect), "github"))
                    .isInstanceOf(OAuthException.class).hasMessageContaining("state");
        }
        String state = query(pending.authorizationUri()).get("state");
        assertThatThrownBy(() -> flow.complete(pending,
                URI.create("http://127.0.0.1:9999/callback?error=access_denied&state=" + state), "github"))
                .hasMessage("authorization was refused: error=access_denied");
        assertThat(server.codeExchanges.get()).isZero();
        assertThat(store.get("github")).isEmpty();
    }

    @Test
    void aVerifierThatDoesNotMatchTheChallengeIsRejectedByTheServer() {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(config, endpoint, store, new SecureRandom());
        PendingAuthorization pending = flow.begin();
        server.expectedChallenge.set("not-the-challenge");
        String state = query(pending.authorizationUri()).get("state");
        assertThatThrownBy(() -> flow.complete(pending,
                URI.create("http://127.0.0.1:9999/callback?code=code-1&state=" + state), "github"))
                .isInstanceOf(OAuthException.class)
                .hasMessage("token endpoint rejected authorization_code grant: HTTP 400, error=invalid_grant");
    }

    private OAuthToken expiringIn(Duration d) {
        return new OAuthToken(Secret.of("at-1"), Optional.of(Secret.of("rt-1")), time.now().plus(d), "Bearer", "read");
    }

    private TokenManager manager() {
        return new TokenManager("github", store, endpoint, time.clock(), OAuthConfig.DEFAULT_REFRESH_MARGIN,
                Duration.ofSeconds(20));
    }

    @Test
    void fiftyConcurrentCallersCauseExactlyOneRefresh() throws Exception {
        store.put("github", expiringIn(Duration.ofSeconds(299)));
        server.refreshGate = new CountDownLatch(1);
        TokenManager manager = manager();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch calling = new CountDownLatch(50);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    calling.countDown();
                    return manager.accessToken().revealAsString();
                }));
            }
            go.countDown();
            assertThat(calling.await(10, TimeUnit.SECONDS)).isTrue();
            server.refreshGate.countDown();
            for (Future<String> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("at-2");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.refreshes.get()).isEqualTo(1);
        OAuthToken stored = store.get("github").orElseThrow();
        assertThat(stored.accessToken().revealAsString()).isEqualTo("at-2");
        assertThat(stored.refreshToken().orElseThrow().revealAsString()).as("kept when not rotated").isEqualTo("rt-1");
    }

    @Test
    void aTokenOutsideTheMarginIsNotRefreshedAndOneInsideIs() throws Exception {
        store.put("github", expiringIn(Duration.ofSeconds(301)));
        assertThat(manager().accessToken().revealAsString()).isEqualTo("at-1");
        assertThat(server.refreshes.get()).isZero();
        time.advance(Duration.ofSeconds(2));
        assertThat(manager().accessToken().revealAsString()).isEqualTo("at-2");
        assertThat(server.refreshes.get()).isEqualTo(1);
    }

    @Test
    void aFailedRefreshReachesTheCallerWithTheErrorCodeButNoToken() {
        store.put("github", expiringIn(Duration.ofSeconds(10)));
        server.refreshError = "invalid_grant";
        assertThatThrownBy(() -> manager().accessToken())
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("error=invalid_grant")
                .hasMessageNotContaining("rt-1");
    }

    @Test
    void aConfidentialClientAuthenticatesWithBasicNotInTheBody() throws Exception {
        TokenEndpointClient confidential = new TokenEndpointClient(new ApiClient(ApiClientConfig.builder()
                .sslContext(TestCertificates.clientContext()).build()),
                config.withClientSecret(Secret.of("p@ss:word")), time.clock());
        confidential.refresh(Secret.of("rt-1"));
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                "oktyv-cli:p%40ss%3Aword".getBytes(StandardCharsets.UTF_8));
        assertThat(server.lastAuthorization.get()).isEqualTo(expected);
        assertThat(config.withClientSecret(Secret.of("p@ss:word")).toString()).doesNotContain("p@ss");
    }
}
