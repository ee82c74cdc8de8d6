package dev.oktyv.system.api.oauth;

import dev.oktyv.system.api.AccessTokenSource;
import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands out a valid access token for one stored token key, refreshing it when it is within the refresh margin
 * (300 s by default) of expiry. Refresh is single-flight: the first caller that finds the token stale starts the
 * refresh and publishes it as a future; everyone else arriving meanwhile waits for that future instead of
 * sending their own request (refresh tokens are often single-use, so a second refresh could even log us out).
 */
public final class TokenManager implements AccessTokenSource {

    private final String tokenKey;
    private final TokenStore store;
    private final TokenEndpointClient endpoint;
    private final Clock clock;
    private final Duration refreshMargin;
    private final Duration waitTimeout;
    private final AtomicReference<CompletableFuture<OAuthToken>> inFlight = new AtomicReference<>();

    public TokenManager(String tokenKey, TokenStore store, TokenEndpointClient endpoint, Clock clock,
                        Duration refreshMargin, Duration waitTimeout) {
        this.tokenKey = Objects.requireNonNull(tokenKey, "tokenKey");
        this.store = Objects.requireNonNull(store, "store");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
        this.waitTimeout = Objects.requireNonNull(waitTimeout, "waitTimeout");
    }

    @Override
    public Secret accessToken() throws InterruptedException {
        return currentToken().accessToken();
    }

    /** A token that is valid for longer than the refresh margin, refreshing (once, shared) if needed. */
    public OAuthToken currentToken() throws InterruptedException {
        OAuthToken token = stored();
        if (!token.expiresWithin(refreshMargin, clock.instant())) {
            return token;
        }
        while (true) {
            CompletableFuture<OAuthToken> running = inFlight.get();
            if (running != null) {
                return await(running);
            }
            CompletableFuture<OAuthToken> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, mine)) {
                try {
                    mine.complete(refreshIfStillStale());
                } catch (IOException | RuntimeException e) {
                    mine.completeExceptionally(e);
                } catch (InterruptedException e) {
                    mine.completeExceptionally(e);
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.set(null);
                }
                return await(mine);
            }
        }
    }

    /**
     * Another thread may have finished a refresh between our staleness check and winning the race for the
     * flight; re-reading the store here is what makes "exactly one refresh" hold, not just "usually one".
     */
    private OAuthToken refreshIfStillStale() throws IOException, InterruptedException {
        OAuthToken token = stored();
        if (!token.expiresWithin(refreshMargin, clock.instant())) {
            return token;
        }
        Secret refreshToken = token.refreshToken().orElseThrow(() ->
                new OAuthException("token '" + tokenKey + "' expires at " + token.expiresAt()
                        + " and has no refresh token; authorize again"));
        OAuthToken fresh = endpoint.refresh(refreshToken);
        store.put(tokenKey, fresh);
        return fresh;
    }

    private OAuthToken await(CompletableFuture<OAuthToken> future) throws InterruptedException {
        try {
            return future.get(waitTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new OAuthException("token refresh for '" + tokenKey + "' did not finish within " + waitTimeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OAuthException) {
                throw new OAuthException(cause.getMessage(), cause);
            }
            throw new OAuthException("token refresh for '" + tokenKey + "' failed: " + cause.getMessage(), cause);
        }
    }

    private OAuthToken stored() {
        Optional<OAuthToken> token = store.get(tokenKey);
        return token.orElseThrow(() -> new OAuthException("no token stored under '" + tokenKey + "'; authorize first"));
    }
}
