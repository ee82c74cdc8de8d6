package dev.oktyv.system.vault;

import dev.oktyv.system.secret.Secret;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** Derives the AES-256 master key. Called once per open vault, never per operation: it costs ~0.5 s by design. */
public final class KeyDerivation {

    static final int KEY_BITS = 256;

    private KeyDerivation() {
    }

    public static SecretKey derive(KdfAlgorithm algorithm, Secret passphrase, byte[] salt, int iterations) {
        char[] chars = passphrase.reveal();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_BITS);
        byte[] raw = null;
        try {
            raw = SecretKeyFactory.getInstance(algorithm.jcaName()).generateSecret(spec).getEncoded();
            return new SecretKeySpec(raw, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }
}
