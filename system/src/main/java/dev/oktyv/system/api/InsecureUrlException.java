package dev.oktyv.system.api;

/** A URL the client refuses to call because the connection would not be encrypted. */
public class InsecureUrlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InsecureUrlException(String message) {
        super(message);
    }
}
