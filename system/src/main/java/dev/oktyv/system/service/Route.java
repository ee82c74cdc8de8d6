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

    /** Only {@code /health} is public; every other route needs the bearer token. */
    default boolean requiresToken() {
        return true;
    }

    /** The label of this route in metrics, e.g. {@code GET /vault/{vault}/{key}} (the pattern, never the path). */
    default String label() {
        return method() + " " + path();
    }
}
