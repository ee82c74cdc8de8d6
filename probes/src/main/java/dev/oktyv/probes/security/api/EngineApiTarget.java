package dev.oktyv.probes.security.api;

import dev.oktyv.system.api.AccessTokenSource;
import dev.oktyv.system.api.ApiClient;
import dev.oktyv.system.api.ApiClientConfig;
import dev.oktyv.system.api.oauth.InMemoryTokenStore;
import dev.oktyv.system.api.oauth.OAuthConfig;
import dev.oktyv.system.api.oauth.OAuthToken;
import dev.oktyv.system.api.oauth.TokenEndpointClient;
import dev.oktyv.system.api.oauth.TokenManager;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The real API engine: {@link ApiClient} and {@link TokenManager} as the suite builds them. */
public final class EngineApiTarget implements ApiTarget {

    static final String TOKEN_KEY = "oktyv-probe";

    @Override
    public ApiCaller client(ApiSettings s) {
        // The client has no response-size cap today (issue 13); s.maxResponseBytes() has nothing to be wired to.
        ApiClientConfig.Builder b = ApiClientConfig.builder().allowLoopbackHttp(s.allowLoopbackHttp())
                .connectTimeout(connectTimeout(s)).requestTimeout(s.requestTimeout()).globalLimit(s.rateLimit()).endpointLimit(s.rateLimit())
                .permitTimeout(Duration.ofHours(1)).time(Clock.systemUTC(), s.nanoClock(), s.sleeper());
        s.sslContext().ifPresent(b::sslContext);
        return new ApiClient(b.build())::send;
    }

    @Override
    public AccessTokenSource oauth(URI tokenEndpoint, OAuthToken current, ApiSettings settings, Clock clock) {
        ApiClientConfig.Builder b = ApiClientConfig.builder().allowLoopbackHttp(settings.allowLoopbackHttp())
                .connectTimeout(connectTimeout(settings)).requestTimeout(settings.requestTimeout());
        OAuthConfig config = OAuthConfig.of(URI.create("http://127.0.0.1/authorize"), tokenEndpoint, "oktyv-probe",
                URI.create("http://127.0.0.1/callback"), List.of());
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.put(TOKEN_KEY, current);
        return new TokenManager(TOKEN_KEY, store, new TokenEndpointClient(new ApiClient(b.build()), config, clock),
                clock, OAuthConfig.DEFAULT_REFRESH_MARGIN, Duration.ofSeconds(10));
    }

    /** The client requires connect timeout <= request timeout; loopback connects take microseconds. */
    private static Duration connectTimeout(ApiSettings s) {
        Duration oneSecond = Duration.ofSeconds(1);
        return s.requestTimeout().compareTo(oneSecond) < 0 ? s.requestTimeout() : oneSecond;
    }

    @Override
    public String toString() {
        return "EngineApiTarget";
    }
}
