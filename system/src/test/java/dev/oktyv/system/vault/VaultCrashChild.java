package dev.oktyv.system.vault;

import dev.oktyv.system.secret.Secret;
import java.nio.file.Path;

/**
 * Child process of {@link VaultCrashTest}: writes forever from several threads and prints each key on stdout
 * only after {@code set} returned, i.e. after the write was acknowledged. The parent kills it with SIGKILL.
 * One thread keeps overwriting a large value so compactions (file replacements) happen during the kill too.
 * Arguments: vault directory, writer threads, key prefix (distinct per process when several run at once).
 */
public final class VaultCrashChild {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        String prefix = args[2];
        VaultManager manager = TestVaults.manager(dir);
        Vault vault = manager.open("crash", TestVaults.passphrase());
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int i = 0; ; i++) {
                    String key = prefix + "t" + thread + "-" + i;
                    vault.set(key, Secret.of(VaultCrashTest.valueOf(key)));
                    System.out.println("ACK " + key + " END");
                }
            });
            writer.start();
        }
        Thread compactor = new Thread(() -> {
            String big = "c".repeat(60 * 1024);
            for (int i = 0; ; i++) {
                vault.set(prefix + "big", Secret.of(big + i));
            }
        });
        compactor.start();
    }
}
