package dev.oktyv.system.api.oauth;

import dev.oktyv.system.secret.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth 2 client registration. {@code clientSecret} is empty for public clients, which rely on PKCE alone.
 * {@code refreshMargin} (default 300 s) is how long before expiry a token is refreshed.
 */
public record OAuthConfig(URI authorizationEndpoint, URI tokenEndpoint, String clientId,
                          Optional<Secret> clientSecret, URI redirectUri, List<String> scopes,
                          Duration refreshMargin) {

    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(300);

    public OAuthConfig {
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(redirectUri, "redirectUri");
        scopes = List.copyOf(scopes);
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        for (String scope : scopes) {
            if (scope.isEmpty() || scope.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\\' || c > '~')) {
                throw new IllegalArgumentException("scope '" + scope + "' is not a valid OAuth scope token");
            }
        }
        if (refreshMargin == null || refreshMargin.isNegative()) {
            throw new IllegalArgumentException("refreshMargin must be >= 0, was " + refreshMargin);
        }
    }

    public static OAuthConfig of(URI authorizationEndpoint, URI tokenEndpoint, String clientId, URI redirectUri,
                                 List<String> scopes) {
        return new OAuthConfig(authorizationEndpoint, tokenEndpoint, clientId, Optional.empty(), redirectUri,
                scopes, DEFAULT_REFRESH_MARGIN);
    }

    public OAuthConfig withClientSecret(Secret secret) {
        return new OAuthConfig(authorizationEndpoint, tokenEndpoint, clientId, Optional.of(secret), redirectUri,
                scopes, refreshMargin);
    }

    @Override
    public String toString() {
        return "OAuthConfig[clientId=" + clientId + ", tokenEndpoint=" + tokenEndpoint.getHost()
                + ", clientSecret=" + (clientSecret.isPresent() ? "redacted" : "none") + ", scopes=" + scopes + "]";
    }
}
