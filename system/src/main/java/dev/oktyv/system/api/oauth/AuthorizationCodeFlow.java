package dev.oktyv.system.api.oauth;

import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The authorization-code grant with PKCE S256 and a {@code state} check (RFC 6749 4.1, RFC 7636).
 * {@link #begin()} builds the URL to send the user to; {@link #complete} checks the redirect's state in constant
 * time, refuses error redirects, redeems the code with the verifier and stores the token.
 */
public final class AuthorizationCodeFlow {

    private final OAuthConfig config;
    private final TokenEndpointClient endpoint;
    private final TokenStore store;
    private final SecureRandom random;

    public AuthorizationCodeFlow(OAuthConfig config, TokenEndpointClient endpoint, TokenStore store,
                                 SecureRandom random) {
        this.config = Objects.requireNonNull(config, "config");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
    }

    public PendingAuthorization begin() {
        Secret state = Secret.of(Pkce.randomToken(random, 24));
        Secret verifier = Pkce.newVerifier(random);
        String query = "response_type=code"
                + "&client_id=" + TokenEndpointClient.enc(config.clientId())
                + "&redirect_uri=" + TokenEndpointClient.enc(config.redirectUri().toString())
                + (config.scopes().isEmpty() ? "" : "&scope=" + TokenEndpointClient.enc(String.join(" ", config.scopes())))
                + "&state=" + state.revealAsString()
                + "&code_challenge=" + Pkce.challengeS256(verifier)
                + "&code_challenge_method=S256";
        String base = config.authorizationEndpoint().toString();
        URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + query);
        return new PendingAuthorization(uri, state, verifier);
    }

    /**
     * @param redirect the full redirect URI the browser arrived at
     * @param tokenKey where to store the resulting token
     * @throws OAuthException on a state mismatch, an error redirect or a missing code
     */
    public OAuthToken complete(PendingAuthorization pending, URI redirect, String tokenKey)
            throws IOException, InterruptedException {
        Map<String, String> params = query(redirect);
        String state = params.get("state");
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                pending.state().revealAsString().getBytes(StandardCharsets.UTF_8))) {
            // Possible CSRF / mix-up: the redirect was not caused by our begin().
            throw new OAuthException("authorization redirect has a missing or wrong state; refusing the code");
        }
        if (params.containsKey("error")) {
            throw new OAuthException("authorization was refused: error=" + sanitize(params.get("error")));
        }
        String code = params.get("code");
        if (code == null || code.isEmpty()) {
            throw new OAuthException("authorization redirect carries no code");
        }
        OAuthToken token = endpoint.exchangeCode(code, pending.codeVerifier());
        store.put(tokenKey, token);
        return token;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            // A repeated parameter is ambiguous (parameter pollution); keep the first only.
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static String sanitize(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
