package dev.oktyv.probes.security.vault;

/**
 * What the vault probes attack: a factory that opens a vault engine over a directory the probe owns, and where the
 * deployment's master passphrase comes from. The command registers {@link EngineVaultTarget} over the real engine;
 * a test registers a weakened one (a constant {@code NonceSource}, a cheap KDF, a decorator that leaks).
 */
public interface VaultTarget {

    /** One line for evidence, e.g. "oktyv vault engine, PBKDF2_HMAC_SHA256 x 600000". */
    String description();

    /** A vault engine over {@code directory} (created if absent); the probe closes it. */
    VaultEngine open(java.nio.file.Path directory);

    /** Where the master passphrase of this deployment comes from. */
    PassphraseOrigin passphraseOrigin();
}
