package dev.oktyv.probes.recovery.service;

import dev.oktyv.probes.remote.TargetUrl;
import dev.oktyv.system.secret.Secret;
import java.net.URI;
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
        return TargetUrl.resolve(base, path);
    }

    public Secret token() {
        return token;
    }

    @Override
    public String toString() {
        return "RemoteService[" + base + ", token=[redacted]]";
    }

    private static URI parse(String url) {
        return TargetUrl.parse(url, TargetUrl.Schemes.HTTP_OR_HTTPS).base();
    }
}
