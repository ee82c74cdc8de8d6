package dev.oktyv.system.api.oauth;

import dev.oktyv.system.secret.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An access token with its expiry and, usually, a refresh token. {@link #toString()} shows only the expiry,
 * type and scope; the token values are {@link Secret}s.
 */
public record OAuthToken(Secret accessToken, Optional<Secret> refreshToken, Instant expiresAt, String tokenType,
                         String scope) {

    public OAuthToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        tokenType = tokenType == null || tokenType.isBlank() ? "Bearer" : tokenType;
        scope = scope == null ? "" : scope;
    }

    /** True when the token expires within {@code margin} of {@code now} (or already has). */
    public boolean expiresWithin(Duration margin, Instant now) {
        return !now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "OAuthToken[type=" + tokenType + ", expiresAt=" + expiresAt + ", scope=" + scope
                + ", refreshToken=" + (refreshToken.isPresent() ? "present" : "absent") + ", values redacted]";
    }
}
