package dev.oktyv.bench.security;

import dev.oktyv.bench.load.scenario.http.ServiceTarget;
import dev.oktyv.probes.remote.TargetUrl;
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
        return TargetUrl.parse(url, TargetUrl.Schemes.HTTP_ONLY).base();
    }

    static Secret readToken(Path file) {
        return ServiceTarget.readTokenFile(file);
    }
}
