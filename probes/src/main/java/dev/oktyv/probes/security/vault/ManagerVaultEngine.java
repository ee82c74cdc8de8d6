package dev.oktyv.probes.security.vault;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultManager;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** The real vault engine behind the probe port: a {@link VaultManager}, however it was built. */
public final class ManagerVaultEngine implements VaultEngine {

    private final VaultManager manager;

    public ManagerVaultEngine(VaultManager manager) {
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    @Override
    public Path directory() {
        return manager.directory();
    }

    @Override
    public Path file(String vault) {
        // The engine's documented layout: <dir>/<name>.vault.
        return manager.directory().resolve(vault + ".vault");
    }

    @Override
    public VaultSession create(String vault, Secret passphrase) {
        return new Session(manager.create(vault, passphrase));
    }

    @Override
    public VaultSession open(String vault, Secret passphrase) {
        return new Session(manager.open(vault, passphrase));
    }

    @Override
    public void close() {
        manager.close();
    }

    private record Session(Vault vault) implements VaultSession {
        @Override
        public void set(String key, Secret value) {
            vault.set(key, value);
        }

        @Override
        public Optional<Secret> get(String key) {
            return vault.get(key);
        }

        @Override
        public boolean delete(String key) {
            return vault.delete(key);
        }

        @Override
        public void close() {
            vault.close();
        }
    }
}
