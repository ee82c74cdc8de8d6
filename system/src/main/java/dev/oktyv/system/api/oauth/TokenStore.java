package dev.oktyv.system.api.oauth;

import java.util.Optional;

/**
 * Where tokens live between calls and restarts. Production stores them encrypted in the Vault: an adapter
 * serialises with {@link TokenCodec} and does get/put/delete of that one {@code Secret} under {@code key}
 * (see docs/api-and-email.md); {@link InMemoryTokenStore} does the same in memory for tests.
 */
public interface TokenStore {

    Optional<OAuthToken> get(String key);

    void put(String key, OAuthToken token);

    void delete(String key);
}
