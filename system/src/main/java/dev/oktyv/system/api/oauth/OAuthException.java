package dev.oktyv.system.api.oauth;

/** An OAuth step failed. Messages carry the OAuth error code and status, never a code, token or secret. */
public class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OAuthException(String message) {
        super(message);
    }

    public OAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
