package dev.oktyv.system.vault;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretReference;
import dev.oktyv.system.secret.SecretResolver;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves {@code vault:<vault>/<key>} through a {@link VaultManager}. Each vault is opened once, on first use,
 * with the passphrase the {@link PassphraseSource} supplies, so the key derivation is paid once per vault.
 */
public final class VaultSecretResolver implements SecretResolver, AutoCloseable {

    /** Supplies the passphrase of a vault (e.g. from an environment variable or a prompt). */
    @FunctionalInterface
    public interface PassphraseSource {
        Secret passphraseFor(String vaultName);
    }

    private final VaultManager manager;
    private final PassphraseSource passphrases;
    private final ConcurrentHashMap<String, Vault> vaults = new ConcurrentHashMap<>();

    public VaultSecretResolver(VaultManager manager, PassphraseSource passphrases) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.passphrases = Objects.requireNonNull(passphrases, "passphrases");
    }

    /**
     * @throws SecretNotFoundException      if the vault or the key does not exist
     * @throws VaultAuthenticationException if the supplied passphrase is wrong
     */
    @Override
    public Secret resolve(SecretReference reference) {
        Vault vault = vaults.computeIfAbsent(reference.vault(), name -> {
            if (!manager.exists(name)) {
                return null;
            }
            // Not closed here: the source owns the passphrase and may hand out the same instance again.
            try {
                return manager.open(name, passphrases.passphraseFor(name));
            } catch (VaultNotFoundException e) {
                return null;
            }
        });
        if (vault == null) {
            throw new SecretNotFoundException(reference);
        }
        return vault.get(reference.key()).orElseThrow(() -> new SecretNotFoundException(reference));
    }

    @Override
    public void close() {
        vaults.values().forEach(Vault::close);
        vaults.clear();
    }
}
