package dev.oktyv.probes.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * The one parser of {@code --target-url}, the base URL of the user's running Oktyv service, for every command that
 * takes it (load, security, recovery, readiness): the same bad URL gets the same one-line message everywhere.
 *
 * <p>Rules, in the order they are checked: a URL; no user info (a credential: never echoed, the token goes in
 * {@code --target-token-file}); {@code http} or {@code https}; a host; no query or fragment. Then the caller's
 * {@link Schemes} may narrow the scheme (the raw-HTTP security probes need {@code http}) with its own reason. A path
 * is the prefix a reverse proxy serves the service under ({@code https://gateway/oktyv}); it is kept as a directory
 * (one trailing {@code /}), so {@link #resolve} gives {@code <prefix>/health} instead of dropping the prefix.
 *
 * @param base scheme, authority and the path prefix ending with {@code /}
 */
public record TargetUrl(URI base) {

    /** The schemes a caller accepts. */
    public enum Schemes {
        HTTP_OR_HTTPS(null),
        /** The service security probes write raw HTTP/1.1 to the socket: TLS would hide what a client can do. */
        HTTP_ONLY("the service probes send raw HTTP/1.1 to see what a client can do; point them at the service"
                + " behind any TLS proxy");

        private final String whyNotHttps;

        Schemes(String whyNotHttps) {
            this.whyNotHttps = whyNotHttps;
        }

        /** Why an {@code https} URL is refused, or null when it is accepted. */
        public String whyNotHttps() {
            return whyNotHttps;
        }
    }

    public TargetUrl {
        Objects.requireNonNull(base, "base");
        if (!base.getRawPath().endsWith("/")) {
            throw new IllegalArgumentException("base " + base + " must end with '/'");
        }
    }

    /**
     * @throws IllegalArgumentException one line naming the option and the bad value (but never its user info)
     */
    public static TargetUrl parse(String url, Schemes schemes) {
        Objects.requireNonNull(schemes, "schemes");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("--target-url is empty; give the service's base URL, e.g."
                    + " http://127.0.0.1:8080/");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--target-url '" + url + "' is not a URL: " + e.getReason());
        }
        if (uri.getRawUserInfo() != null) {
            // Not echoed: user info is a credential.
            throw new IllegalArgumentException("--target-url must not contain user info (user:password@); give the"
                    + " token with --target-token-file");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("--target-url '" + url + "' must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--target-url '" + url + "' has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--target-url '" + url + "' must be the service's root, optionally"
                    + " with a path prefix (https://gateway/oktyv), without query or fragment");
        }
        if (scheme.equals("https") && schemes.whyNotHttps() != null) {
            throw new IllegalArgumentException("--target-url '" + url + "' must start with http:// here: "
                    + schemes.whyNotHttps());
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new TargetUrl(URI.create(scheme + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path
                : path + "/")));
    }

    public boolean https() {
        return "https".equals(base.getScheme());
    }

    /**
     * {@code absolutePath} ({@code /vault/x}, as the service's routes are written) under the base's path prefix:
     * {@code URI.resolve} with an absolute path would drop the prefix.
     */
    public URI resolve(String absolutePath) {
        return resolve(base, absolutePath);
    }

    /** {@link #resolve(String)} for a base URI that may or may not end with {@code /}. */
    public static URI resolve(URI base, String absolutePath) {
        if (!absolutePath.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got '" + absolutePath + "'");
        }
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b : b + "/") + absolutePath.substring(1));
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
