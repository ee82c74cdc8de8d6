package dev.oktyv.probes.recovery.service;

import dev.oktyv.system.secret.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A running Oktyv service ({@code --target-url}, {@code --target-token-file}). The token comes from a file, never
 * the command line (which is recorded in run.json); neither it nor the URL's user info appears in any message.
 */
public final class RemoteService {

    private final URI base;
    private final Secret token;

    private RemoteService(URI base, Secret token) {
        this.base = base;
        this.token = token;
    }

    public static RemoteService of(String base, Secret token) {
        return new RemoteService(parse(base), Objects.requireNonNull(token, "token"));
    }

    /** {@code path} (absolute, e.g. {@code /health}) under the base URL's path prefix. */
    public URI resolve(String path) {
        String prefix = base.getRawPath().endsWith("/") ? base.getRawPath().substring(0, base.getRawPath().length() - 1)
                : base.getRawPath();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + prefix + path);
    }

    public Secret token() {
        return token;
    }

    @Override
    public String toString() {
        return "RemoteService[" + base + ", token=[redacted]]";
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--target-url '" + url + "' is not a URL: " + e.getReason());
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--target-url must not contain user info (user:password@);"
                    + " give the token with --target-token-file");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("--target-url '" + url + "' must be http:// or https:// with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--target-url '" + url + "' must not have a query or fragment");
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority()
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()));
    }
}
