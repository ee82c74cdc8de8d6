package dev.oktyv.probes.security.api;

import dev.oktyv.system.api.oauth.TokenStore;
import java.nio.file.Path;

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
    }
}
