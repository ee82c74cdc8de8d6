package dev.oktyv.probes.security.api;

import dev.oktyv.system.api.oauth.VaultTokenStore;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.KdfParams;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultManager;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The shipped token persistence: {@link VaultTokenStore} over a vault with the engine's default KDF. */
public final class EngineTokenStoreTarget implements TokenStoreTarget {

    private static final String VAULT = "oauth-tokens";

    private final KdfParams kdf;
    /** One passphrase per target, so a second {@link #open} of the same directory can read the first's tokens. */
    private final String passphrase;

    public EngineTokenStoreTarget(KdfParams kdf) {
        this.kdf = kdf;
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        this.passphrase = "tokens-" + HexFormat.of().formatHex(b);
    }

    public static EngineTokenStoreTarget defaults() {
        return new EngineTokenStoreTarget(KdfParams.defaults());
    }

    @Override
    public String description() {
        return "vault-backed token store, " + kdf.algorithm() + " x " + kdf.iterations();
    }

    @Override
    public OpenTokenStore open(Path directory) {
        VaultManager manager = new VaultManager(directory, kdf);
        Vault vault;
        try (Secret p = Secret.of(passphrase)) {
            vault = manager.openOrCreate(VAULT, p);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        return OpenTokenStore.of(new VaultTokenStore(vault), () -> {
            vault.close();
            manager.close();
        });
    }
}
