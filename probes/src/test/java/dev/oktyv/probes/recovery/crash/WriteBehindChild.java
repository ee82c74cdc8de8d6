package dev.oktyv.probes.recovery.crash;

import dev.oktyv.system.files.ConfinedFileStore;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.Vault;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A weakened writer for the crash-safety test: it acknowledges at once and writes behind, in batches of ten, as a
 * write-behind cache would. A SIGKILL loses what it acknowledged but had not written.
 */
public final class WriteBehindChild {

    private WriteBehindChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long first = Long.parseLong(args[1]);
        String passphrase = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        ConfinedFileStore files = CrashWorkload.files(dir);
        try (Vault vault = CrashWorkload.vaults(dir).openOrCreate(CrashWorkload.VAULT, Secret.of(passphrase))) {
            System.out.println("READY");
            List<Long> pending = new ArrayList<>();
            for (long i = first; ; i++) {
                pending.add(i);
                System.out.println("ACK " + i);
                System.out.flush();
                if (pending.size() == 10) {
                    for (long p : pending) {
                        vault.set(CrashWorkload.key(p), Secret.of(CrashWorkload.value(p)));
                        files.write(CrashWorkload.file(p), CrashWorkload.content(p));
                    }
                    pending.clear();
                }
            }
        }
    }
}
