package dev.oktyv.probes.security.api;

import dev.oktyv.system.api.AccessTokenSource;
import dev.oktyv.system.api.oauth.OAuthToken;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weakened for {@link TokenLeakProbe}: the real client, plus one SLF4J debug line per request that shows the
 * Authorization header, the "temporary" trace that ships by accident. Exceptions and text forms stay clean, so only
 * the log capture can catch it.
 */
final class DebugLoggingApiTarget implements ApiTarget {

    private static final Logger LOG = LoggerFactory.getLogger("dev.oktyv.system.api.DebugTrace");
    private final EngineApiTarget real = new EngineApiTarget();

    @Override
    public ApiCaller client(ApiSettings settings) {
        ApiCaller client = real.client(settings);
        return request -> {
            if (request.auth().isPresent()) {
                LOG.debug("sending {} with Authorization: Bearer {}", request.describe(),
                        request.auth().get().accessToken().revealAsString());
            }
            return client.send(request);
        };
    }

    @Override
    public AccessTokenSource oauth(URI tokenEndpoint, OAuthToken current, ApiSettings settings, Clock clock) {
        return real.oauth(tokenEndpoint, current, settings, clock);
    }
}
