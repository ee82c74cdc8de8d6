package dev.oktyv.system.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with the vault's master key. One {@link Cipher} per thread, re-initialised per operation:
 * {@code Cipher.getInstance} costs far more than a 32-byte decryption, and a Cipher is not thread-safe.
 */
final class VaultCrypto {

    static final int TAG_BYTES = 16;
    static final int TAG_BITS = TAG_BYTES * 8;

    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available in this JVM", e);
        }
    });

    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    });
    private static final byte[] HEADER_KEY_LABEL = "OKVT-header-key-v2".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey key;
    /** A separate key for the header tag, so the AES-GCM key is used for nothing but AES-GCM. */
    private final SecretKeySpec headerKey;

    VaultCrypto(SecretKey key) {
        this.key = key;
        byte[] raw = key.getEncoded(); // a copy: SecretKeySpec clones on the way in and out
        byte[] derived = null;
        try {
            derived = hmac(new SecretKeySpec(raw, "HmacSHA256"), HEADER_KEY_LABEL);
            this.headerKey = new SecretKeySpec(derived, "HmacSHA256");
        } finally {
            Arrays.fill(raw, (byte) 0);
            if (derived != null) {
                Arrays.fill(derived, (byte) 0);
            }
        }
    }

    /** HMAC-SHA256 under the header key (an HKDF-expand style sub-key of the vault key). */
    byte[] headerTag(byte[] input) {
        return hmac(headerKey, input);
    }

    private static byte[] hmac(SecretKeySpec macKey, byte[] input) {
        Mac mac = MACS.get();
        try {
            mac.init(macKey);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 failed", e);
        }
    }

    /** Returns ciphertext followed by the 16-byte tag. */
    byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext, int length) {
        Cipher cipher = CIPHERS.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext, 0, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts {@code sealed} into {@code out} (at least {@code sealed.length - 16} bytes) and returns the
     * plaintext length.
     *
     * @throws AEADBadTagException when the tag does not verify (tampering, wrong key or wrong AAD)
     */
    int open(GCMParameterSpec nonce, byte[] aad, byte[] sealed, byte[] out) throws AEADBadTagException {
        Cipher cipher = CIPHERS.get();
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, nonce);
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, 0, sealed.length, out, 0);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}
