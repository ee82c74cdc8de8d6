package dev.oktyv.probes.recovery.crash;

import dev.oktyv.system.files.ConfinedFileStore;
import dev.oktyv.system.files.FileStoreConfig;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.KdfParams;
import dev.oktyv.system.vault.VaultManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What the crash child writes and the parent checks: names, contents and how both open the engines. */
public final class CrashWorkload {

    static final String VAULT = "crash";

    private CrashWorkload() {
    }

    /**
     * The probe's vault lives in a scratch directory with a random passphrase and holds generated values only, so a
     * cheap key derivation costs nothing in safety; with the default 600,000 PBKDF2 iterations, opening it twice
     * per kill (child and check) would take the whole phase's time budget on a busy machine.
     */
    static VaultManager vaults(Path dir) {
        return new VaultManager(dir.resolve("vaults"), KdfParams.insecureForTestsOnly(1_000));
    }

    static ConfinedFileStore files(Path dir) {
        return new ConfinedFileStore(FileStoreConfig.builder(dir.resolve("files")).build());
    }

    public static String key(long i) {
        return "k" + i;
    }

    public static String file(long i) {
        return "f" + i + ".txt";
    }

    /** Varying length and a checksum-like tail, so a torn or mixed-up value cannot pass as another. */
    public static String value(long i) {
        return "value-" + i + "-" + "x".repeat((int) (i * 37 % 4_000)) + "-end-" + Long.toHexString(i * 0x9E3779B97F4A7C15L);
    }

    public static byte[] content(long i) {
        return ("file " + value(i)).getBytes(StandardCharsets.UTF_8);
    }

    static Secret passphrase(String text) {
        return Secret.of(text);
    }
}
