package dev.oktyv.system.vault;

import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Named vaults in one directory ({@code ~/.oktyv/vaults} by default), one file {@code <name>.vault} each,
 * plus an empty {@code <name>.lock} used for cross-process locking.
 */
public final class VaultManager implements AutoCloseable {

    private static final String SUFFIX = ".vault";
    /**
     * A new vault's passphrase has at least 12 characters: the PBKDF2 cost slows guessing but cannot save a short
     * one. Only creation checks it, so vaults made before the rule still open.
     */
    public static final int MIN_PASSPHRASE_CHARS = 12;

    private final Path directory;
    private final KdfParams kdf;
    private final NonceSource nonces;
    private final MetricsCollector metrics;
    private final Set<Vault> open = ConcurrentHashMap.newKeySet();

    /** A manager with the secure default key derivation. */
    public VaultManager(Path directory) {
        this(directory, KdfParams.defaults());
    }

    public VaultManager(Path directory, KdfParams kdf) {
        this(directory, kdf, NonceSource.strong());
    }

    /** With the randomness for nonces and salts supplied; {@link NonceSource#strong()} unless you test the vault. */
    public VaultManager(Path directory, KdfParams kdf, NonceSource nonces) {
        this(directory, kdf, nonces, new MetricsCollector());
    }

    /**
     * With the collector that receives each open vault's group-commit counters ({@link Vault#commitStats()}),
     * e.g. the service's, so {@code /metrics} shows them.
     */
    public VaultManager(Path directory, KdfParams kdf, NonceSource nonces, MetricsCollector metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.kdf = Objects.requireNonNull(kdf, "kdf");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".oktyv", "vaults");
    }

    public Path directory() {
        return directory;
    }

    public KdfParams kdf() {
        return kdf;
    }

    /** Creates a new, empty vault; fails if one of that name exists. */
    public Vault create(String name, Secret passphrase) {
        VaultNames.requireVaultName(name);
        requirePassphrase(passphrase);
        if (passphrase.length() < MIN_PASSPHRASE_CHARS) {
            // The length only, never the passphrase.
            throw new IllegalArgumentException("the passphrase of a new vault must have at least "
                    + MIN_PASSPHRASE_CHARS + " characters; this one has " + passphrase.length());
        }
        try {
            DurableFiles.ensurePrivateDirectory(directory);
            return track(VaultOpener.create(directory, name, passphrase, kdf, nonces, metrics));
        } catch (IOException e) {
            throw io(name, "create", e);
        }
    }

    /**
     * Opens an existing vault, deriving its key once.
     *
     * @throws VaultNotFoundException       if there is no such vault
     * @throws VaultAuthenticationException if the passphrase is wrong
     * @throws VaultCorruptedException      if the file is damaged, tampered with or truncated
     */
    public Vault open(String name, Secret passphrase) {
        VaultNames.requireVaultName(name);
        requirePassphrase(passphrase);
        try {
            return track(VaultOpener.open(directory, name, passphrase, kdf, nonces, metrics));
        } catch (IOException e) {
            throw io(name, "open", e);
        }
    }

    public Vault openOrCreate(String name, Secret passphrase) {
        return exists(name) ? open(name, passphrase) : create(name, passphrase);
    }

    public boolean exists(String name) {
        VaultNames.requireVaultName(name);
        return Files.isRegularFile(VaultStore.vaultFile(directory, name));
    }

    /** Vault names, sorted; empty if the directory does not exist yet. */
    public List<String> listVaults() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(SUFFIX))
                    .map(f -> f.substring(0, f.length() - SUFFIX.length()))
                    .filter(VaultNames::isVaultName)
                    .forEach(names::add);
        } catch (IOException e) {
            throw new VaultException("cannot list vaults in " + directory + ": " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }

    /**
     * Deletes a vault durably; instances of it opened through this manager are closed. Returns whether it
     * existed. The lock file stays (see {@link VaultLock} for why).
     */
    @SuppressWarnings("try") // the held lock is the point of the try block
    public boolean deleteVault(String name) {
        VaultNames.requireVaultName(name);
        for (Vault v : List.copyOf(open)) {
            if (v.name().equals(name)) {
                v.close();
            }
        }
        Path path = VaultStore.vaultFile(directory, name);
        if (!Files.exists(path)) {
            return false;
        }
        try (VaultLock lock = new VaultLock(VaultStore.lockFile(directory, name));
             VaultLock.Held held = lock.acquire()) {
            boolean existed = Files.deleteIfExists(path);
            DurableFiles.forceDirectory(directory);
            return existed;
        } catch (IOException e) {
            throw io(name, "delete", e);
        }
    }

    private Vault track(VaultStore store) {
        Vault vault = new Vault(store, open::remove);
        open.add(vault);
        return vault;
    }

    private static void requirePassphrase(Secret passphrase) {
        if (passphrase == null || passphrase.length() == 0) {
            throw new IllegalArgumentException("passphrase must not be empty");
        }
    }

    private VaultException io(String name, String action, IOException e) {
        return new VaultException("cannot " + action + " vault '" + name + "' in " + directory + ": " + e, e);
    }

    @Override
    public void close() {
        for (Vault v : List.copyOf(open)) {
            v.close();
        }
    }

    @Override
    public String toString() {
        return "VaultManager[" + directory + ", " + kdf + "]";
    }
}
