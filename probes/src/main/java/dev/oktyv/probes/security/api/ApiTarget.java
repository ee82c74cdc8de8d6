package dev.oktyv.probes.security.api;

import dev.oktyv.system.api.AccessTokenSource;
import dev.oktyv.system.api.oauth.OAuthToken;
import java.net.URI;
import java.time.Clock;

/**
 * The API client under attack: the real one ({@link EngineApiTarget}) or a weakened one built in test code.
 */
public interface ApiTarget {

    /** A client as production builds it, with the probe's settings. */
    ApiCaller client(ApiSettings settings);

    /**
     * A token source holding {@code current} (stale, with a refresh token) that refreshes at {@code tokenEndpoint}
     * (plain http on loopback) through a client built with {@code settings}.
     */
    AccessTokenSource oauth(URI tokenEndpoint, OAuthToken current, ApiSettings settings, Clock clock);
}
