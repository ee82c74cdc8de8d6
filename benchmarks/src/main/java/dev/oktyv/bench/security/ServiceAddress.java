package dev.oktyv.bench.security;

import dev.oktyv.bench.load.scenario.http.ServiceTarget;
import dev.oktyv.system.secret.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code --target-url} and {@code --target-token-file}, validated. The token is read from a file only: the command
 * line is recorded in run.json. No message here shows the token.
 */
final class ServiceAddress {

    private ServiceAddress() {
    }

    static URI parseUrl(String url) {
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
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("--target-url '" + url + "' must start with http:// (the service probes"
                    + " send raw HTTP/1.1 to see what a client can do; point them at the service behind any TLS proxy)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--target-url '" + url + "' has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--target-url '" + url + "' must be the service's root, without query"
                    + " or fragment");
        }
        return uri;
    }

    static Secret readToken(Path file) {
        return ServiceTarget.readTokenFile(file);
    }
}
