package dev.oktyv.system.api.oauth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.oktyv.system.secret.Secret;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The stored form of an {@link OAuthToken}: one JSON object, format version 1, returned as a {@link Secret}
 * because it contains the token values. Fields: {@code format} (1), {@code access_token},
 * {@code refresh_token} (absent when none), {@code expires_at} (ISO-8601 instant), {@code token_type},
 * {@code scope}.
 */
public final class TokenCodec {

    static final int FORMAT = 1;

    private TokenCodec() {
    }

    public static Secret encode(OAuthToken token) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("access_token", token.accessToken().revealAsString());
        token.refreshToken().ifPresent(r -> o.addProperty("refresh_token", r.revealAsString()));
        o.addProperty("expires_at", token.expiresAt().toString());
        o.addProperty("token_type", token.tokenType());
        o.addProperty("scope", token.scope());
        return Secret.of(o.toString());
    }

    /** @throws OAuthException naming the missing or bad field (never a value) */
    public static OAuthToken decode(Secret stored) {
        JsonObject o;
        try {
            o = JsonParser.parseString(stored.revealAsString()).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new OAuthException("stored token is not a JSON object");
        }
        JsonElement format = o.get("format");
        if (format == null || !format.isJsonPrimitive() || format.getAsInt() != FORMAT) {
            throw new OAuthException("stored token has format " + format + ", expected " + FORMAT);
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(required(o, "expires_at"));
        } catch (DateTimeParseException e) {
            throw new OAuthException("stored token has an unparseable expires_at");
        }
        Optional<Secret> refresh = o.has("refresh_token")
                ? Optional.of(Secret.of(o.get("refresh_token").getAsString())) : Optional.empty();
        return new OAuthToken(Secret.of(required(o, "access_token")), refresh, expiresAt,
                optional(o, "token_type"), optional(o, "scope"));
    }

    private static String required(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive()) {
            throw new OAuthException("stored token lacks '" + field + "'");
        }
        return e.getAsString();
    }

    private static String optional(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
