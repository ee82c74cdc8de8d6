package dev.oktyv.system.api.oauth;

import dev.oktyv.system.secret.Secret;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link TokenStore} in memory. It keeps the serialised form, exactly as a Vault adapter would, so tests
 * exercise the codec on every read and write.
 */
public final class InMemoryTokenStore implements TokenStore {

    private final ConcurrentMap<String, char[]> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<OAuthToken> get(String key) {
        char[] stored = entries.get(key);
        return stored == null ? Optional.empty() : Optional.of(TokenCodec.decode(Secret.of(stored)));
    }

    @Override
    public void put(String key, OAuthToken token) {
        try (Secret encoded = TokenCodec.encode(token)) {
            entries.put(key, encoded.reveal());
        }
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore[" + entries.size() + " token(s)]";
    }
}
