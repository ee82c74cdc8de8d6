package dev.oktyv.system.service;

/**
 * An error a route reports to the client as {@code {"error": code, "message": message}} with {@code status}.
 * The message is sent as written, so it must be safe for any caller to read: no secrets, no absolute paths, no
 * exception text from below. Anything else a route throws becomes a generic 500.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false); // no stack trace: this is control flow, not a bug
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("ApiException status must be 4xx or 5xx, was " + status);
        }
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
