package dev.oktyv.probes.recovery.crash;

import dev.oktyv.system.files.ConfinedFileStore;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of the crash-safety probe: writes vault entries and files forever, printing {@code ACK i} only
 * after both {@code Vault.set} and {@code ConfinedFileStore.write} returned, i.e. after the engines acknowledged
 * them. The parent SIGKILLs it at a random point. Arguments: directory, first index; the passphrase comes on
 * stdin so that it never appears in a process listing.
 */
public final class CrashWriterChild {

    private CrashWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long first = Long.parseLong(args[1]);
        String passphrase = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        VaultManager manager = CrashWorkload.vaults(dir);
        ConfinedFileStore files = CrashWorkload.files(dir);
        try (Vault vault = manager.openOrCreate(CrashWorkload.VAULT, Secret.of(passphrase))) {
            out.println("READY");
            out.flush();
            for (long i = first; ; i++) {
                vault.set(CrashWorkload.key(i), Secret.of(CrashWorkload.value(i)));
                files.write(CrashWorkload.file(i), CrashWorkload.content(i));
                out.println("ACK " + i);
                out.flush();
            }
        }
    }
}
