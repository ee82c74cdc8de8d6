package dev.oktyv.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UrlPolicyTest {

    @Test
    void refusesPlainHttpToRemoteHostsEvenWhenLoopbackHttpIsAllowed() {
        UrlPolicy policy = new UrlPolicy(true);
        assertThatThrownBy(() -> policy.check(URI.create("http://api.example.com/v1?token=abc")))
                .isInstanceOf(InsecureUrlException.class)
                .hasMessage("refusing 'http://api.example.com/v1': plain http is not allowed, use https");
        // a name that merely looks local is not loopback
        assertThatThrownBy(() -> policy.check(URI.create("http://localhost.evil.example/")))
                .isInstanceOf(InsecureUrlException.class);
        // nor is the name localhost: /etc/hosts or a resolver can point it anywhere; only literal addresses count
        assertThatThrownBy(() -> policy.check(URI.create("http://localhost:8080/token")))
                .isInstanceOf(InsecureUrlException.class).hasMessageContaining("plain http is not allowed");
        assertThatThrownBy(() -> policy.check(URI.create("ftp://127.0.0.1/")))
                .isInstanceOf(InsecureUrlException.class).hasMessageContaining("only https");
    }

    @Test
    void refusesLoopbackHttpUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> new UrlPolicy(false).check(URI.create("http://127.0.0.1:8080/x")))
                .isInstanceOf(InsecureUrlException.class)
                .hasMessageContaining("allowLoopbackHttp(true)");
        for (String ok : new String[] {"http://127.0.0.1:1/", "http://[::1]:80/", "http://127.1.2.3/"}) {
            assertThatCode(() -> new UrlPolicy(true).check(URI.create(ok))).as(ok).doesNotThrowAnyException();
        }
        assertThatCode(() -> new UrlPolicy(false).check(URI.create("https://api.example.com/")))
                .doesNotThrowAnyException();
    }

    @Test
    void messagesNeverCarryUserInfoOrQuery() {
        assertThatThrownBy(() -> new UrlPolicy(false).check(URI.create("http://user:s3cret@example.com/p?key=s3cret")))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theClientSendsNothingForARefusedUrlAndTalksToLoopbackHttpOnlyWhenAllowed() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        try (LocalHttpsServer server = LocalHttpsServer.http().handle("/", ex -> {
            hits.incrementAndGet();
            LocalHttpsServer.respond(ex, 200, "plain");
        }).start()) {
            ApiClient strict = new ApiClient(ApiClientConfig.builder().build());
            assertThatThrownBy(() -> strict.send(ApiRequest.get(server.uri("/"))))
                    .isInstanceOf(InsecureUrlException.class);
            assertThat(hits.get()).isZero();

            ApiClient relaxed = new ApiClient(ApiClientConfig.builder().allowLoopbackHttp(true).build());
            ApiResponse response = relaxed.send(ApiRequest.get(server.uri("/")));
            assertThat(response.bodyText()).isEqualTo("plain");
            assertThat(hits.get()).isEqualTo(1);
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        com.sun.net.httpserver.HttpsServer other = com.sun.net.httpserver.HttpsServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 2}), 0), 0);
        other.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(dev.oktyv.system.tls.TestCertificates.serverContext()));
        AtomicInteger hits = new AtomicInteger();
        other.createContext("/", ex -> {
            hits.incrementAndGet();
            LocalHttpsServer.respond(ex, 200, "");
        });
        other.start();
        try {
            ApiClient client = new ApiClient(ApiClientConfig.builder()
                    .sslContext(dev.oktyv.system.tls.TestCertificates.clientContext())
                    .retryPolicy(RetryPolicy.NONE).build());
            // the certificate names localhost and 127.0.0.1, not 127.0.0.2
            assertThatThrownBy(() -> client.send(ApiRequest.get(URI.create("https://127.0.0.2:" + other.getAddress().getPort() + "/"))))
                    .isInstanceOf(ApiTransportException.class);
            assertThat(hits.get()).isZero();
        } finally {
            other.stop(0);
        }
    }

    @Test
    void authorizationCannotBeSetAsAPlainHeaderAndRequestsPrintNoCredential() {
        ApiRequest request = ApiRequest.get(URI.create("https://api.example.com/v1"));
        assertThatThrownBy(() -> request.withHeader("authorization", "Bearer abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("abc");
        ApiRequest authed = request.withAuth(() -> dev.oktyv.system.secret.Secret.of("tok-123"));
        assertThat(authed.toString()).doesNotContain("tok-123").contains("Bearer[redacted]");
    }
}
