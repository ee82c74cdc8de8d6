package dev.oktyv.system.vault;

import java.security.SecureRandom;

/**
 * Fresh 96-bit GCM nonces from a CSPRNG. Random rather than counter nonces because several processes may
 * append to one vault and a counter would need coordination that survives crashes; with random 96-bit nonces
 * the collision probability stays below 2^-32 up to 2^32 records per key (NIST SP 800-38D, 8.3), and
 * compaction never re-keys more often than that matters for a secrets store.
 *
 * <p>Public with a public constructor so that a caller can supply the randomness ({@link VaultManager}'s
 * three-argument constructor): the security probes build a deliberately weakened vault from a constant source and
 * must see their nonce and salt checks fail on it. Production code uses {@link #strong()}.
 */
public final class NonceSource {

    static final int NONCE_BYTES = 12;

    private final SecureRandom random;

    public NonceSource(SecureRandom random) {
        this.random = random;
    }

    public static NonceSource strong() {
        return new NonceSource(new SecureRandom());
    }

    byte[] next() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    /** A log generation id (see {@link VaultHeader}): random, so two compactions never share one. */
    byte[] generation() {
        byte[] generation = new byte[VaultHeader.GENERATION_BYTES];
        random.nextBytes(generation);
        return generation;
    }

    byte[] salt() {
        byte[] salt = new byte[KdfParams.SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }
}
