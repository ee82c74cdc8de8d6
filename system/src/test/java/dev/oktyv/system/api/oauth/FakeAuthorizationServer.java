package dev.oktyv.system.api.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.oktyv.system.tls.TestCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A token endpoint over HTTPS that checks PKCE and counts refresh requests. */
final class FakeAuthorizationServer implements AutoCloseable {

    final AtomicInteger codeExchanges = new AtomicInteger();
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicReference<String> expectedChallenge = new AtomicReference<>();
    final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    volatile String refreshError;
    volatile CountDownLatch refreshGate = new CountDownLatch(0);

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    FakeAuthorizationServer() throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.serverContext()));
        server.setExecutor(executor);
        server.createContext("/token", this::token);
        server.start();
    }

    URI uri(String path) {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void token(HttpExchange ex) throws IOException {
        lastAuthorization.set(ex.getRequestHeaders().getFirst("Authorization"));
        Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String grant = form.get("grant_type");
        if ("authorization_code".equals(grant)) {
            codeExchanges.incrementAndGet();
            String verifier = form.getOrDefault("code_verifier", "");
            if (!"code-1".equals(form.get("code")) || !s256(verifier).equals(expectedChallenge.get())) {
                respond(ex, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            respond(ex, 200, "{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\",\"expires_in\":3600,"
                    + "\"token_type\":\"Bearer\",\"scope\":\"read\"}");
        } else if ("refresh_token".equals(grant)) {
            refreshes.incrementAndGet();
            try {
                // Held open so that the other callers arrive while this refresh is in flight.
                refreshGate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (refreshError != null) {
                respond(ex, 400, "{\"error\":\"" + refreshError + "\"}");
            } else if (!"rt-1".equals(form.get("refresh_token"))) {
                respond(ex, 400, "{\"error\":\"invalid_grant\"}");
            } else {
                respond(ex, 200, "{\"access_token\":\"at-2\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
            }
        } else {
            respond(ex, 400, "{\"error\":\"unsupported_grant_type\"}");
        }
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
