package dev.oktyv.system.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An error a route reports to the client as {@code {"error": code, "message": message}} with {@code status}.
 * The message is sent as written, so it must be safe for any caller to read: no secrets, no absolute paths, no
 * exception text from below. Anything else a route throws becomes a generic 500.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Duration retryAfter;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    private ApiException(int status, String code, String message, Duration retryAfter) {
        super(message, null, false, false); // no stack trace: this is control flow, not a bug
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("ApiException status must be 4xx or 5xx, was " + status);
        }
        if (retryAfter != null && (retryAfter.isNegative() || retryAfter.isZero())) {
            throw new IllegalArgumentException("Retry-After must be positive, was " + retryAfter);
        }
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /**
     * 503: a dependency is down or saturated and the request may succeed later. {@code retryAfter} goes out as
     * {@code Retry-After} (whole seconds, at least 1), so well-behaved clients back off instead of hammering a
     * service that is recovering.
     */
    public static ApiException unavailable(String code, String message, Duration retryAfter) {
        return new ApiException(503, code, message, Objects.requireNonNull(retryAfter, "retryAfter"));
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

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The answer the client gets: the one-line JSON error, plus {@code Retry-After} when there is one. */
    public Response toResponse() {
        Response r = Response.error(status, code, getMessage());
        if (retryAfter == null) {
            return r;
        }
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return r.withHeader("Retry-After", Long.toString(seconds));
    }
}
