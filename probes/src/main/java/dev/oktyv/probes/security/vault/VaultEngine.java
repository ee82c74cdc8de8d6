package dev.oktyv.probes.security.vault;

import dev.oktyv.system.secret.Secret;
import java.nio.file.Path;

/**
 * The vault engine as the probes drive it: create and open named vaults in one directory. A port rather than the
 * concrete {@code VaultManager}, so a test can wrap the real engine in a deliberately leaky decorator.
 */
public interface VaultEngine extends AutoCloseable {

    /** The directory holding the vault files. */
    Path directory();

    /** The file that holds {@code vault}'s bytes at rest. */
    Path file(String vault);

    VaultSession create(String vault, Secret passphrase);

    /**
     * Opens an existing vault, verifying it.
     *
     * @throws RuntimeException when the passphrase is wrong or the file is damaged or tampered with
     */
    VaultSession open(String vault, Secret passphrase);

    @Override
    void close();
}
