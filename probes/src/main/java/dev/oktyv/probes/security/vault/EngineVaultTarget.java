package dev.oktyv.probes.security.vault;

import dev.oktyv.system.vault.KdfParams;
import dev.oktyv.system.vault.VaultManager;
import java.nio.file.Path;
import java.util.Objects;

/** The real vault engine with the given key derivation, as a deployment with {@code origin} would run it. */
public final class EngineVaultTarget implements VaultTarget {

    private final KdfParams kdf;
    private final PassphraseOrigin origin;

    public EngineVaultTarget(KdfParams kdf, PassphraseOrigin origin) {
        this.kdf = Objects.requireNonNull(kdf, "kdf");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** The engine as shipped: the default derivation, a passphrase held in memory. */
    public static EngineVaultTarget defaults() {
        return new EngineVaultTarget(KdfParams.defaults(), PassphraseOrigin.generatedInMemory());
    }

    @Override
    public String description() {
        return "oktyv vault engine, " + kdf;
    }

    @Override
    public VaultEngine open(Path directory) {
        return new ManagerVaultEngine(new VaultManager(directory, kdf));
    }

    @Override
    public PassphraseOrigin passphraseOrigin() {
        return origin;
    }
}
