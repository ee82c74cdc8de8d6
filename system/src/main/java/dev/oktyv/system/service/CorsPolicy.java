package dev.oktyv.system.service;

import java.util.Set;

/**
 * Cross-origin access. Off unless origins are configured: then no CORS header is ever sent and browsers keep
 * other sites' pages from reading responses. With origins, only an exact origin match is echoed; no wildcard,
 * because a wildcard together with a bearer token would let any page drive the service from a user's browser.
 */
public record CorsPolicy(Set<String> allowedOrigins) {

    public static final CorsPolicy DISABLED = new CorsPolicy(Set.of());

    public CorsPolicy {
        allowedOrigins = Set.copyOf(allowedOrigins);
        for (String o : allowedOrigins) {
            if (o.equals("*") || !o.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("CORS origin must be scheme://host[:port] without wildcard, was " + o);
            }
        }
    }

    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }
}
