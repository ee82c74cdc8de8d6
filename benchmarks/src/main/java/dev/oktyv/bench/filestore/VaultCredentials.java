package dev.oktyv.bench.filestore;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretReference;
import dev.oktyv.system.vault.VaultException;
import dev.oktyv.system.vault.VaultManager;
import dev.oktyv.system.vault.VaultSecretResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The vault the S3 credentials' {@code vault:<vault>/<key>} references resolve in: a vault directory and the file
 * holding its passphrase. The file must be readable by its owner only (as the vault's own files are), so the
 * passphrase is neither on the command line nor in the environment, where other processes could read it.
 */
final class VaultCredentials implements AutoCloseable {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Secret passphrase;
    private final VaultManager vaults;
    private final VaultSecretResolver resolver;

    private VaultCredentials(Secret passphrase, VaultManager vaults) {
        this.passphrase = passphrase;
        this.vaults = vaults;
        this.resolver = new VaultSecretResolver(vaults, name -> passphrase);
    }

    /**
     * Opens the vault directory and checks that every reference resolves (each value is wiped at once), so a wrong
     * passphrase or a missing key is reported at start-up, naming the reference, not at the first request.
     *
     * @throws IllegalArgumentException naming the option, file or reference at fault (never a value)
     */
    static VaultCredentials open(Path vaultDir, Path passphraseFile, SecretReference... references) {
        if (!Files.isDirectory(vaultDir)) {
            throw new IllegalArgumentException("--s3-vault-dir " + vaultDir + " is not a directory");
        }
        VaultCredentials c = new VaultCredentials(readPassphrase(passphraseFile), new VaultManager(vaultDir));
        try {
            for (SecretReference r : references) {
                c.resolver.resolve(r).destroy();
            }
            return c;
        } catch (VaultException | SecretNotFoundException e) {
            c.close();
            // The vault engine's messages name the vault and key, never a value.
            throw new IllegalArgumentException("S3 credentials: " + e.getMessage() + " (vault directory " + vaultDir + ")");
        }
    }

    VaultSecretResolver resolver() {
        return resolver;
    }

    private static Secret readPassphrase(Path file) {
        try {
            if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
                if (mode.stream().anyMatch(OTHERS::contains)) {
                    throw new IllegalArgumentException("--s3-vault-passphrase-file " + file + " is "
                            + PosixFilePermissions.toString(mode) + ": make it readable by its owner only (chmod 600)");
                }
            }
            byte[] raw = Files.readAllBytes(file);
            int end = raw.length;
            while (end > 0 && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
                end--; // the newline an editor or echo adds is not part of the passphrase
            }
            byte[] body = Arrays.copyOf(raw, end);
            Arrays.fill(raw, (byte) 0);
            try {
                if (body.length == 0) {
                    throw new IllegalArgumentException("--s3-vault-passphrase-file " + file + " is empty");
                }
                return Secret.ofUtf8(body);
            } finally {
                Arrays.fill(body, (byte) 0);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--s3-vault-passphrase-file: cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void close() {
        resolver.close();
        vaults.close();
        passphrase.destroy();
    }
}
