package dev.oktyv.system.vault;

import dev.oktyv.system.secret.Secret;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.DestroyFailedException;

/**
 * Derives the AES-256 master key. Called once per open vault, never per operation: it costs ~0.5 s by design.
 *
 * <p>The intermediate PBKDF2 key object holds the key and the passphrase: it is destroyed at once where the
 * provider supports that (JDK 17's {@code PBKDF2KeyImpl} refuses, and wipes its copies in a Cleaner when it is
 * collected; nothing here keeps a reference to it).
 */
public final class KeyDerivation {

    static final int KEY_BITS = 256;

    private KeyDerivation() {
    }

    public static SecretKey derive(KdfAlgorithm algorithm, Secret passphrase, byte[] salt, int iterations) {
        SecretKeyFactory factory;
        try {
            factory = SecretKeyFactory.getInstance(algorithm.jcaName());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
        return derive(factory, passphrase, salt, iterations);
    }

    static SecretKey derive(SecretKeyFactory factory, Secret passphrase, byte[] salt, int iterations) {
        char[] chars = passphrase.reveal();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_BITS);
        byte[] raw = null;
        SecretKey pbkdf2 = null;
        try {
            pbkdf2 = factory.generateSecret(spec);
            raw = pbkdf2.getEncoded();
            return new SecretKeySpec(raw, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(factory.getAlgorithm() + " failed", e);
        } finally {
            destroy(pbkdf2);
            spec.clearPassword();
            Arrays.fill(chars, '\0');
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    private static void destroy(SecretKey key) {
        if (key == null || key.isDestroyed()) {
            return;
        }
        try {
            key.destroy();
        } catch (DestroyFailedException unsupported) {
            // The provider cannot destroy it (see the class comment); dropping the reference is all that is left.
        }
    }
}
