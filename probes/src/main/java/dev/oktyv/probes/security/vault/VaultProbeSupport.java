package dev.oktyv.probes.security.vault;

import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** What the vault probes share: a fresh directory per probe, and random, distinctive secrets. */
final class VaultProbeSupport {

    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultProbeSupport() {
    }

    /** A new, empty directory under the scratch directory; the engine creates its own vault directory inside. */
    static Path freshDirectory(SecurityTarget target, String probeId) throws IOException {
        Files.createDirectories(target.scratchDir());
        return Files.createTempDirectory(target.scratchDir(), probeId.replace('.', '-') + "-").resolve("vaults");
    }

    /**
     * A random secret nobody else writes: the scans must not find it by chance, and a leak of it can only come
     * from this run. Long enough that its Base64 and hex forms cannot occur in random ciphertext by chance.
     */
    static String randomSecret(String label) {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return "oktyv-" + label + "-" + HexFormat.of().formatHex(b);
    }

    /** A passphrase of at least 12 characters (the engine refuses shorter ones for new vaults). */
    static Secret randomPassphrase() {
        return Secret.of(randomSecret("pass"));
    }

    /** The first line of what an exception says, for evidence (the probes check separately that it holds no secret). */
    static String firstLine(Throwable t) {
        String line = t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).split("\\R", 2)[0];
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    /** The value of {@code key} as text, or null when absent; for comparisons only, never for evidence. */
    static String read(VaultSession session, String key) {
        return session.get(key).map(s -> {
            try (s) {
                return s.revealAsString();
            }
        }).orElse(null);
    }
}
