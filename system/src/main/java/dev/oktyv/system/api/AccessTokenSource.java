package dev.oktyv.system.api;

import dev.oktyv.system.secret.Secret;

/**
 * Supplies a bearer token for a request. The OAuth {@code TokenManager} implements it; the client asks for the
 * token on every attempt, so a retry after a refresh uses the new token.
 */
@FunctionalInterface
public interface AccessTokenSource {

    Secret accessToken() throws InterruptedException;

    /** The Authorization scheme this credential is sent with. */
    default String scheme() {
        return "Bearer";
    }

    /** A fixed HTTP Basic credential (already base64-encoded {@code id:secret}). */
    static AccessTokenSource basic(Secret encodedCredential) {
        return new AccessTokenSource() {
            @Override
            public Secret accessToken() {
                return encodedCredential;
            }

            @Override
            public String scheme() {
                return "Basic";
            }

            @Override
            public String toString() {
                return "Basic[redacted]";
            }
        };
    }
}
