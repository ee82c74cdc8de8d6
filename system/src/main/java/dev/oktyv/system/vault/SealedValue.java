package dev.oktyv.system.vault;

import javax.crypto.spec.GCMParameterSpec;

/**
 * A live value as it is kept in memory: still encrypted. Decrypting per {@code get} costs about a microsecond
 * and means a heap dump of a running process shows ciphertext, not every secret in the vault. The AAD and the
 * GCM spec are pre-built so a {@code get} allocates nothing for them.
 */
final class SealedValue {

    private final String key;
    private final long seq;
    private final GCMParameterSpec nonce;
    private final byte[] aad;
    private final byte[] sealed;
    private final int recordLength;

    SealedValue(String key, long seq, byte[] nonce, byte[] aad, byte[] sealed, int recordLength) {
        this.key = key;
        this.seq = seq;
        this.nonce = new GCMParameterSpec(VaultCrypto.TAG_BITS, nonce);
        this.aad = aad;
        this.sealed = sealed;
        this.recordLength = recordLength;
    }

    String key() {
        return key;
    }

    long seq() {
        return seq;
    }

    GCMParameterSpec nonce() {
        return nonce;
    }

    byte[] aad() {
        return aad;
    }

    byte[] sealed() {
        return sealed;
    }

    int plaintextLength() {
        return sealed.length - VaultCrypto.TAG_BYTES;
    }

    int recordLength() {
        return recordLength;
    }

    @Override
    public String toString() {
        return "SealedValue[" + key + ", seq " + seq + ", " + plaintextLength() + " bytes]";
    }
}
