package dev.oktyv.probes.security.service;

import dev.oktyv.system.secret.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * The HTTP service the service probes attack: the embedded one, or the user's with {@code --target-url}. The probes
 * speak plain HTTP to it, so they need nothing but the base URI and the bearer token.
 *
 * @param baseUri e.g. {@code http://127.0.0.1:8080/}
 * @param token   the valid bearer token; never printed
 */
public record ServiceTarget(URI baseUri, Secret token) {

    public ServiceTarget {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(token, "token");
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException("service target " + baseUri + " is not an http(s) URI");
        }
    }

    /** {@code path} (starting with '/') against the base URI. */
    public URI resolve(String path) {
        String base = baseUri.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    @Override
    public String toString() {
        return "ServiceTarget[" + baseUri + ", token=***]";
    }
}
