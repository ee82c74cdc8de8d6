package dev.oktyv.system.api.oauth;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultNames;
import java.util.Objects;
import java.util.Optional;

/**
 * The production {@link TokenStore}: each token is one {@link TokenCodec} value in an open {@link Vault}, so access
 * and refresh tokens are encrypted at rest with the vault's AES-256-GCM and survive restarts. The vault stays owned
 * by the caller (it may hold other credentials too); keys are prefixed so tokens cannot collide with them.
 */
public final class VaultTokenStore implements TokenStore {

    /** Vault key prefix of every token; {@code oauth-token.<key>}. */
    static final String PREFIX = "oauth-token.";

    private final Vault vault;

    public VaultTokenStore(Vault vault) {
        this.vault = Objects.requireNonNull(vault, "vault");
    }

    @Override
    public Optional<OAuthToken> get(String key) {
        Optional<Secret> stored = vault.get(vaultKey(key));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try (Secret s = stored.get()) {
            return Optional.of(TokenCodec.decode(s));
        }
    }

    @Override
    public void put(String key, OAuthToken token) {
        try (Secret encoded = TokenCodec.encode(token)) {
            vault.set(vaultKey(key), encoded);
        }
    }

    @Override
    public void delete(String key) {
        vault.delete(vaultKey(key));
    }

    private static String vaultKey(String key) {
        return VaultNames.requireKeyName(PREFIX + key);
    }

    @Override
    public String toString() {
        return "VaultTokenStore[" + vault.name() + "]";
    }
}
