package dev.oktyv.system.service;

import java.util.Optional;

/** The methods the service routes. Anything else is answered 405 before any route runs. */
public enum HttpMethod {
    GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS;

    private static final HttpMethod[] ALL = values(); // values() copies the array on every call

    /** Method names are case-sensitive (RFC 9110, 9.1): {@code get} is an unknown method, not GET. */
    public static Optional<HttpMethod> parse(String method) {
        for (HttpMethod m : ALL) {
            if (m.name().equals(method)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
