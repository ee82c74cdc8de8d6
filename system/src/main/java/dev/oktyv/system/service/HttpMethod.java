package dev.oktyv.system.service;

import java.util.Locale;
import java.util.Optional;

/** The methods the service routes. Anything else is answered 405 before any route runs. */
public enum HttpMethod {
    GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS;

    public static Optional<HttpMethod> parse(String method) {
        try {
            return Optional.of(valueOf(method.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
