package dev.oktyv.system.vault;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretReference;
import dev.oktyv.system.secret.SecretResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves {@code vault:<vault>/<key>} through a {@link VaultManager}. Each vault is opened once, on first use,
 * with the passphrase the {@link PassphraseSource} supplies, so the key derivation is paid once per vault.
 *
 * <p>Every resolve first compares the vault file's length, modification time and file identity with what it saw
 * last (one {@code stat}, about a microsecond), and re-reads the vault only when they changed: every write by
 * another process appends (the length grows) and every compaction replaces the file (a new identity), so a
 * rotated or deleted credential is served at the next resolve, not the value seen first.
 */
public final class VaultSecretResolver implements SecretResolver, AutoCloseable {

    /** Supplies the passphrase of a vault (e.g. from an environment variable or a prompt). */
    @FunctionalInterface
    public interface PassphraseSource {
        Secret passphraseFor(String vaultName);
    }

    /** What a cheap change check compares: a changed stamp means "refresh before answering". */
    private record Stamp(long sizeBytes, FileTime modified, Object fileKey) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime(), a.fileKey());
        }
    }

    private static final class Opened {
        final Vault vault;
        volatile Stamp seen;

        Opened(Vault vault, Stamp seen) {
            this.vault = vault;
            this.seen = seen;
        }
    }

    private final VaultManager manager;
    private final PassphraseSource passphrases;
    private final ConcurrentHashMap<String, Opened> vaults = new ConcurrentHashMap<>();

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
        String name = reference.vault();
        Path file = VaultStore.vaultFile(manager.directory(), name);
        Stamp now = stampOrNull(file);
        if (now == null) {
            forget(name); // deleted by someone else: its credentials are gone too
            throw new SecretNotFoundException(reference);
        }
        Opened opened = vaults.computeIfAbsent(name, n -> open(n, now));
        if (opened == null) {
            throw new SecretNotFoundException(reference);
        }
        if (!now.equals(opened.seen)) {
            opened = refreshed(name, opened, now);
            if (opened == null) {
                throw new SecretNotFoundException(reference);
            }
        }
        return opened.vault.get(reference.key()).orElseThrow(() -> new SecretNotFoundException(reference));
    }

    private Opened open(String name, Stamp stamp) {
        // Not closed here: the source owns the passphrase and may hand out the same instance again.
        try {
            return new Opened(manager.open(name, passphrases.passphraseFor(name)), stamp);
        } catch (VaultNotFoundException e) {
            return null;
        }
    }

    /**
     * The stamp was taken before the refresh, so a write that lands during it changes the file again and is
     * picked up next time. A vault deleted and re-created under the same name has a new salt and key: it is
     * opened afresh.
     */
    private Opened refreshed(String name, Opened opened, Stamp now) {
        try {
            opened.vault.refresh();
            opened.seen = now;
            return opened;
        } catch (VaultException e) {
            if (e instanceof VaultCorruptedException || e instanceof VaultAuthenticationException) {
                throw e;
            }
            forget(name);
            return vaults.computeIfAbsent(name, n -> open(n, now)); // null if it is gone meanwhile
        }
    }

    private void forget(String name) {
        Opened gone = vaults.remove(name);
        if (gone != null) {
            gone.vault.close();
        }
    }

    private static Stamp stampOrNull(Path file) {
        try {
            return Stamp.of(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new VaultException("cannot read the attributes of " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        vaults.values().forEach(o -> o.vault.close());
        vaults.clear();
    }
}
