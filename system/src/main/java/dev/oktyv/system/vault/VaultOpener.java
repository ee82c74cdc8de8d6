package dev.oktyv.system.vault;

import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.crypto.SecretKey;

/**
 * Creates and opens {@link VaultStore}s: under the vault's lock, derives the key, verifies the header (key check,
 * then header tag), replays the log, and cleans up temp files a crashed compaction left.
 */
@SuppressWarnings("try") // try (VaultLock.Held held = …) holds the lock for the block; the body need not use it
final class VaultOpener {

    private VaultOpener() {
    }

    static VaultStore create(Path dir, String name, Secret passphrase, KdfParams kdf, NonceSource nonces,
                             MetricsCollector metrics) throws IOException {
        Path path = VaultStore.vaultFile(dir, name);
        VaultLock lock = new VaultLock(VaultStore.lockFile(dir, name));
        try (VaultLock.Held held = lock.acquire()) {
            if (Files.exists(path)) {
                throw new VaultException("vault '" + name + "' already exists in " + dir);
            }
            removeStaleTemps(dir, name);
            byte[] salt = nonces.salt();
            SecretKey key = KeyDerivation.derive(kdf.algorithm(), passphrase, salt, kdf.iterations());
            VaultCrypto crypto = new VaultCrypto(key);
            VaultHeader header = VaultHeader.create(name, crypto, kdf.algorithm(), kdf.iterations(), salt,
                    nonces.next(), nonces.generation(), VaultHeader.LENGTH);
            DurableFiles.replaceAtomically(path, header.encode());
            VaultStore store = new VaultStore(name, lock, new VaultFile(path), crypto, nonces, header,
                    new CommitCounters(metrics, name));
            store.startEmpty();
            return store;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    static VaultStore open(Path dir, String name, Secret passphrase, KdfParams kdf, NonceSource nonces,
                           MetricsCollector metrics) throws IOException {
        Path path = VaultStore.vaultFile(dir, name);
        if (!Files.exists(path)) {
            throw new VaultNotFoundException(name, dir);
        }
        VaultLock lock = new VaultLock(VaultStore.lockFile(dir, name));
        VaultFile file = null;
        try (VaultLock.Held held = lock.acquire()) {
            removeStaleTemps(dir, name);
            file = new VaultFile(path);
            byte[] bytes = file.readFrom(0);
            VaultHeader header = VaultHeader.decode(name, bytes, bytes.length);
            if (header.iterations() < kdf.minimumAcceptedIterations()) {
                throw new VaultException("vault '" + name + "' uses only " + header.iterations() + " "
                        + header.algorithm() + " iterations, below the minimum of "
                        + kdf.minimumAcceptedIterations() + "; it was created with an insecure test setting");
            }
            SecretKey key = KeyDerivation.derive(header.algorithm(), passphrase, header.salt(),
                    header.iterations());
            VaultCrypto crypto = new VaultCrypto(key);
            header.requireKey(name, crypto);
            header.requireTag(name, crypto);
            VaultStore store = new VaultStore(name, lock, file, crypto, nonces, header,
                    new CommitCounters(metrics, name));
            store.load(bytes);
            return store;
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                file.close();
            }
            lock.close();
            throw e;
        }
    }

    /** A crash during compaction can leave {@code <name>.vault.tmp-*}; they were never renamed into place. */
    private static void removeStaleTemps(Path dir, String name) throws IOException {
        String prefix = name + ".vault" + DurableFiles.TEMP_MARKER;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.filter(p -> p.getFileName().toString().startsWith(prefix))::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

}
