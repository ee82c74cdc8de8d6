package dev.oktyv.system.service;

/**
 * One endpoint: a method, a path pattern and a handler. Each engine's endpoint is one small class implementing
 * this; the service does routing, authentication, body limits, CORS, errors and metrics around it.
 */
public interface Route {

    HttpMethod method();

    /** A {@link PathPattern} text, e.g. {@code /vault/{vault}/{key}}. */
    String path();

    /** Throw {@link ApiException} for client errors; any other exception becomes a generic 500. */
    Response handle(Request request) throws Exception;

    /**
     * An answer ready now, or null. Non-null only when the answer needs nothing of the request (no headers, path
     * variables or body) and producing it neither blocks nor does more than read a field: the service then writes it
     * from the I/O thread that parsed the request, without building a {@link Request} and without the handoff to a
     * worker. At load-test rates that handoff and the per-request objects behind it were most of the service's own
     * cost for a cached {@code /health} (docs/monitoring-and-service.md, "Tail latency of /health"). Everything
     * around the route (authentication, body limit, CORS, security headers, metrics) still applies.
     */
    default Response readyAnswer() {
        return null;
    }

    /** Only {@code /health} is public; every other route needs the bearer token. */
    default boolean requiresToken() {
        return true;
    }

    /** The label of this route in metrics, e.g. {@code GET /vault/{vault}/{key}} (the pattern, never the path). */
    default String label() {
        return method() + " " + path();
    }
}
