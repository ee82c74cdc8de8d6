package dev.oktyv.system.vault;

import dev.oktyv.system.secret.Secret;
import java.nio.file.Path;

/** Child JVM for {@link VaultSecretResolverRefreshTest}: sets (or, given no value, deletes) one key, then exits. */
public final class VaultRotateChild {

    private VaultRotateChild() {
    }

    public static void main(String[] args) {
        try (VaultManager m = TestVaults.manager(Path.of(args[0]))) {
            Vault v = m.open(args[1], TestVaults.passphrase());
            if (args.length > 3) {
                v.set(args[2], Secret.of(args[3]));
            } else {
                v.delete(args[2]);
            }
        }
    }
}
