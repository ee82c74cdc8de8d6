package dev.oktyv.system.api.oauth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.oktyv.system.api.ApiClient;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
import dev.oktyv.system.api.HttpMethod;
import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Talks to the token endpoint (RFC 6749 section 4.1.3 and 6) through the {@link ApiClient}, so the same URL
 * policy, rate limit and breaker apply. Token requests are POSTs and therefore never retried: a code can be
 * redeemed once, and a rotated refresh token would be burnt by a blind retry.
 */
public final class TokenEndpointClient {

    private final ApiClient client;
    private final OAuthConfig config;
    private final Clock clock;

    public TokenEndpointClient(ApiClient client, OAuthConfig config, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public OAuthToken exchangeCode(String code, Secret codeVerifier) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", config.redirectUri().toString());
        form.put("code_verifier", codeVerifier.revealAsString());
        return post(form, Optional.empty(), "authorization_code");
    }

    /** Refreshes; when the server does not rotate the refresh token, the old one is kept. */
    public OAuthToken refresh(Secret refreshToken) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.revealAsString());
        return post(form, Optional.of(refreshToken), "refresh_token");
    }

    private OAuthToken post(Map<String, String> form, Optional<Secret> previousRefresh, String grant)
            throws IOException, InterruptedException {
        if (config.clientSecret().isEmpty()) {
            form.put("client_id", config.clientId());
        }
        byte[] body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
        ApiRequest request = ApiRequest.of(HttpMethod.POST, config.tokenEndpoint(), body)
                .withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withHeader("Accept", "application/json");
        if (config.clientSecret().isPresent()) {
            // RFC 6749 2.3.1: HTTP Basic with form-encoded id and secret; the secret never goes into the body.
            String basic = enc(config.clientId()) + ":" + enc(config.clientSecret().get().revealAsString());
            Secret credential = Secret.of(Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
            request = request.withBasicAuth(credential);
        }
        ApiResponse response = client.send(request);
        JsonObject json = parse(response, grant);
        if (!response.successful()) {
            throw new OAuthException("token endpoint rejected " + grant + " grant: HTTP " + response.status()
                    + ", error=" + errorCode(json));
        }
        Secret access = Secret.of(string(json, "access_token")
                .orElseThrow(() -> new OAuthException("token response for " + grant + " lacks access_token")));
        long expiresIn = expiresIn(json, grant);
        Optional<Secret> refresh = string(json, "refresh_token").map(Secret::of).or(() -> previousRefresh);
        Instant expiresAt = clock.instant().plusSeconds(Math.max(0, expiresIn));
        return new OAuthToken(access, refresh, expiresAt, string(json, "token_type").orElse("Bearer"),
                string(json, "scope").orElse(String.join(" ", config.scopes())));
    }

    /** RFC 6749 5.2: the error code is one ASCII token such as invalid_grant. */
    private static final java.util.regex.Pattern ERROR_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Ten years: anything longer is a broken server, and would overflow Instant arithmetic further on. */
    private static final long MAX_EXPIRES_IN_SECONDS = 10L * 365 * 24 * 3600;

    /**
     * The server's {@code error} value goes into an exception message, and from there into logs: anything but a
     * plain code (line breaks, markup, kilobytes of text, a token echoed back) is replaced.
     */
    private static String errorCode(JsonObject json) {
        JsonElement e = json.get("error");
        if (e == null || e.isJsonNull()) {
            return "(none)";
        }
        String code = e.isJsonPrimitive() ? e.getAsString() : "";
        if (ERROR_CODE.matcher(code).matches()) {
            return code;
        }
        int plain = 0;
        while (plain < code.length() && plain < 64 && ERROR_CODE.matcher(code.substring(plain, plain + 1)).matches()) {
            plain++;
        }
        return code.substring(0, plain) + " (not a plain error code; "
                + code.length() + " characters withheld)";
    }

    /** RFC 6749 5.1: a number of seconds; absent means "unknown", taken as one hour. */
    private static long expiresIn(JsonObject json, String grant) {
        JsonElement e = json.get("expires_in");
        if (e == null || e.isJsonNull()) {
            return 3600;
        }
        try {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                java.math.BigDecimal seconds = e.getAsBigDecimal();
                if (seconds.signum() >= 0
                        && seconds.compareTo(java.math.BigDecimal.valueOf(MAX_EXPIRES_IN_SECONDS)) <= 0) {
                    return seconds.longValue();
                }
            }
        } catch (NumberFormatException | ArithmeticException ignored) {
            // reported below
        }
        String shown = e.toString();
        throw new OAuthException("token response for " + grant + " has expires_in "
                + (shown.length() > 20 ? shown.substring(0, 20) + "..." : shown)
                + "; expected a number of seconds between 0 and " + MAX_EXPIRES_IN_SECONDS);
    }

    private static JsonObject parse(ApiResponse response, String grant) {
        try {
            JsonElement e = JsonParser.parseString(response.bodyText());
            if (e.isJsonObject()) {
                return e.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // fall through: reported below without echoing the body, which may contain tokens
        }
        throw new OAuthException("token endpoint answered " + grant + " grant with HTTP " + response.status()
                + " and a body that is not a JSON object");
    }

    private static Optional<String> string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(e.getAsString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
