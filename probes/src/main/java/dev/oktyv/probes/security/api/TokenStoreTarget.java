package dev.oktyv.probes.security.api;

import dev.oktyv.system.api.oauth.OAuthToken;
import dev.oktyv.system.api.oauth.TokenStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the API engine persists OAuth tokens: the real vault-backed store ({@link EngineTokenStoreTarget}) or a
 * weakened one built in test code. Each {@link #open} over the same directory must see what earlier ones stored,
 * as a restarted process would.
 */
public interface TokenStoreTarget {

    /** One line for evidence, e.g. "vault-backed token store, PBKDF2_HMAC_SHA256 x 600000". */
    String description();

    /** A store persisted under {@code directory} (created if absent); the probe closes it. */
    OpenTokenStore open(Path directory);

    /** A token store that holds files open until closed. */
    interface OpenTokenStore extends TokenStore, AutoCloseable {
        @Override
        void close();

        /** {@code store} until closed; {@code onClose} releases what holds it open (a vault, files). */
        static OpenTokenStore of(TokenStore store, Runnable onClose) {
            return new OpenTokenStore() {
                @Override
                public Optional<OAuthToken> get(String key) {
                    return store.get(key);
                }

                @Override
                public void put(String key, OAuthToken token) {
                    store.put(key, token);
                }

                @Override
                public void delete(String key) {
                    store.delete(key);
                }

                @Override
                public void close() {
                    onClose.run();
                }
            };
        }
    }
}
