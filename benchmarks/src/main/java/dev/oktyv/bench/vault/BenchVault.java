package dev.oktyv.bench.vault;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.KdfParams;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A populated vault in a fresh temporary directory, for one benchmark trial. The directory is created under
 * {@code -Doktyv.bench.vault.dir} if set, else under {@code java.io.tmpdir}: fsync costs depend on the file
 * system, so measure on the disk you care about (and not on tmpfs, where fsync is free).
 */
final class BenchVault implements AutoCloseable {

    static final int KEYS = 1024;
    /**
     * The master key is derived once per trial in setup, so its cost never enters the get/set figures; a weak
     * count keeps setup short. {@link KeyDerivationBenchmark} measures the real derivation.
     */
    private static final KdfParams SETUP_KDF = KdfParams.insecureForTestsOnly(1_000);

    final Path dir;
    final VaultManager manager;
    final Vault vault;
    final String[] keys = new String[KEYS];

    BenchVault(int valueBytes) throws IOException {
        String parent = System.getProperty("oktyv.bench.vault.dir");
        dir = parent == null ? Files.createTempDirectory("oktyv-vault-bench")
                : Files.createTempDirectory(Files.createDirectories(Path.of(parent)), "oktyv-vault-bench");
        manager = new VaultManager(dir.resolve("vaults"), SETUP_KDF);
        vault = manager.create("bench", Secret.of("benchmark passphrase"));
        Secret value = value(valueBytes, 0);
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "key-" + i;
            vault.set(keys[i], value);
        }
    }

    /** A printable ASCII value of exactly {@code bytes} UTF-8 bytes. */
    static Secret value(int bytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        char[] chars = new char[bytes];
        for (int i = 0; i < bytes; i++) {
            chars[i] = (char) ('!' + random.nextInt(94));
        }
        return Secret.of(chars);
    }

    @Override
    public void close() throws IOException {
        manager.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
