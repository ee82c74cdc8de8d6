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
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

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
        char[] verifier = codeVerifier.reveal();
        try {
            FormBody form = new FormBody().add("grant_type", "authorization_code").add("code", code)
                    .add("redirect_uri", config.redirectUri().toString()).add("code_verifier", verifier);
            return post(form, Optional.empty(), "authorization_code");
        } finally {
            Arrays.fill(verifier, '\0');
        }
    }

    /** Refreshes; when the server does not rotate the refresh token, the old one is kept. */
    public OAuthToken refresh(Secret refreshToken) throws IOException, InterruptedException {
        char[] token = refreshToken.reveal();
        try {
            FormBody form = new FormBody().add("grant_type", "refresh_token").add("refresh_token", token);
            return post(form, Optional.of(refreshToken), "refresh_token");
        } finally {
            Arrays.fill(token, '\0');
        }
    }

    /**
     * The secrets travel as char[] and bytes that are wiped here; {@link ApiRequest} and the JDK's HttpClient
     * keep copies of the body (and the Authorization header must be a String), which only the GC clears.
     */
    private OAuthToken post(FormBody form, Optional<Secret> previousRefresh, String grant)
            throws IOException, InterruptedException {
        if (config.clientSecret().isEmpty()) {
            form.add("client_id", config.clientId());
        }
        byte[] body = form.toBytes();
        ApiRequest request;
        try {
            request = ApiRequest.of(HttpMethod.POST, config.tokenEndpoint(), body)
                    .withHeader("Content-Type", "application/x-www-form-urlencoded")
                    .withHeader("Accept", "application/json");
        } finally {
            Arrays.fill(body, (byte) 0);
        }
        if (config.clientSecret().isPresent()) {
            // RFC 6749 2.3.1: HTTP Basic with form-encoded id and secret; the secret never goes into the body.
            request = request.withBasicAuth(basicCredential(config.clientId(), config.clientSecret().get()));
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

    /** base64(form-encoded id ":" form-encoded secret), built in wiped arrays rather than Strings. */
    private static Secret basicCredential(String clientId, Secret clientSecret) {
        char[] secret = clientSecret.reveal();
        byte[] idAndSecret = new FormBody().add("", clientId.toCharArray()).toBytes(); // "=" + encoded id
        byte[] encodedSecret = new FormBody().add("", secret).toBytes();              // "=" + encoded secret
        byte[] joined = new byte[idAndSecret.length - 1 + 1 + encodedSecret.length - 1];
        System.arraycopy(idAndSecret, 1, joined, 0, idAndSecret.length - 1);
        joined[idAndSecret.length - 1] = ':';
        System.arraycopy(encodedSecret, 1, joined, idAndSecret.length, encodedSecret.length - 1);
        byte[] base64 = Base64.getEncoder().encode(joined);
        char[] chars = new char[base64.length];
        for (int i = 0; i < base64.length; i++) {
            chars[i] = (char) base64[i];
        }
        try {
            return Secret.of(chars);
        } finally {
            Arrays.fill(secret, '\0');
            Arrays.fill(encodedSecret, (byte) 0);
            Arrays.fill(joined, (byte) 0);
            Arrays.fill(base64, (byte) 0);
            Arrays.fill(chars, '\0');
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
