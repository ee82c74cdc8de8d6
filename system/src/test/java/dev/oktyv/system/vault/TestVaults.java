package dev.oktyv.system.vault;

import dev.oktyv.system.secret.Secret;
import java.nio.file.Path;

/** Shared test settings: a deliberately cheap KDF so the suite does not spend minutes in PBKDF2. */
final class TestVaults {

    static final int TEST_ITERATIONS = 10;
    static final KdfParams TEST_KDF = KdfParams.insecureForTestsOnly(TEST_ITERATIONS);
    static final String PASSPHRASE = "correct horse battery staple";

    private TestVaults() {
    }

    static VaultManager manager(Path dir) {
        return new VaultManager(dir, TEST_KDF);
    }

    static Secret passphrase() {
        return Secret.of(PASSPHRASE);
    }

    static String reveal(Vault vault, String key) {
        return vault.get(key).map(Secret::revealAsString).orElse(null);
    }
}
