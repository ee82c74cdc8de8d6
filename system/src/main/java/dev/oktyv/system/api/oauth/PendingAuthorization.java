package dev.oktyv.system.api.oauth;

import dev.oktyv.system.secret.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * An authorization started by {@link AuthorizationCodeFlow#begin()}: send the user to {@code authorizationUri};
 * keep this object (server-side) until the redirect comes back, because only it knows the state and verifier.
 */
public record PendingAuthorization(URI authorizationUri, Secret state, Secret codeVerifier) {

    public PendingAuthorization {
        Objects.requireNonNull(authorizationUri, "authorizationUri");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
    }

    @Override
    public String toString() {
        return "PendingAuthorization[state and verifier redacted]";
    }
}
