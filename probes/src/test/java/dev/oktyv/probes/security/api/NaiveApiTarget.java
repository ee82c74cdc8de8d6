package dev.oktyv.probes.security.api;

import dev.oktyv.system.api.AccessTokenSource;
import dev.oktyv.system.api.ApiClient;
import dev.oktyv.system.api.ApiClientConfig;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
import dev.oktyv.system.api.oauth.OAuthConfig;
import dev.oktyv.system.api.oauth.OAuthToken;
import dev.oktyv.system.api.oauth.TokenEndpointClient;
import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

/**
 * The weakened API client of the must-fail tests: a bare {@link HttpClient} that follows every redirect, checks no
 * scheme, paces nothing, caps nothing, puts the request headers into its error messages, and an OAuth source that
 * refreshes on every call. Built from the engine's public pieces, no backdoor in production code.
 */
final class NaiveApiTarget implements ApiTarget {

    @Override
    public ApiCaller client(ApiSettings settings) {
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS);
        settings.sslContext().ifPresent(b::sslContext);
        HttpClient http = b.build();
        return request -> {
            HttpRequest.Builder r = HttpRequest.newBuilder(request.uri());
            String auth = null;
            if (request.auth().isPresent()) {
                auth = "Authorization: Bearer " + request.auth().get().accessToken().revealAsString();
                r.header("Authorization", auth.substring("Authorization: ".length()));
            }
            try {
                HttpResponse<byte[]> resp = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new ApiResponse(resp.statusCode(), resp.headers(), resp.body(), 1);
            } catch (IOException e) {
                throw new IOException("GET " + request.uri() + " failed; request headers: " + auth, e);
            }
        };
    }

    @Override
    public AccessTokenSource oauth(URI tokenEndpoint, OAuthToken current, ApiSettings settings, Clock clock) {
        TokenEndpointClient endpoint = new TokenEndpointClient(new ApiClient(ApiClientConfig.builder()
                .allowLoopbackHttp(true).build()), OAuthConfig.of(URI.create("http://127.0.0.1/a"), tokenEndpoint, "c",
                URI.create("http://127.0.0.1/cb"), List.of()), clock);
        return () -> {
            try {
                // The weakness: every caller that finds the token stale refreshes on its own.
                return endpoint.refresh(current.refreshToken().orElseThrow()).accessToken();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

}
