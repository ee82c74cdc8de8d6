package dev.oktyv.system.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One log record (format version 1, big-endian), appended after the header:
 *
 * <pre>
 * size field
 *   4  body length n (bytes that follow)
 *   1  type (1 = PUT, 2 = DELETE)
 *   1  key length k (1..128)
 *   k  key name, US-ASCII
 *  12  nonce
 *   m  ciphertext (m = 0 for DELETE)
 *  16  GCM tag
 * </pre>
 *
 * The AAD of each record is {@code "OKVT-rec-v2" | len | vault name | len | key name | type | generation (16
 * bytes) | seq (8 bytes)}, where seq is the record's ordinal in the log and generation the random id in the header,
 * new at each compaction (format version 1 had label "OKVT-rec-v1" and no generation). Binding the vault and key names stops a ciphertext being moved
 * to another key or vault; binding type and seq stops a PUT being turned into a DELETE and old records being
 * replayed or reordered within a log; binding the generation stops records of a log from before a compaction
 * (where seq restarted at 0 under the same key) being replayed into the log after it. A DELETE carries a tag over an empty plaintext, so tombstones cannot be forged either.
 */
final class RecordCodec {

    static final int LENGTH_FIELD = 4;
    static final int MAX_VALUE_BYTES = 1 << 20;
    static final int MIN_BODY = 1 + 1 + 1 + NonceSource.NONCE_BYTES + VaultCrypto.TAG_BYTES;
    static final int MAX_BODY = 1 + 1 + 128 + NonceSource.NONCE_BYTES + MAX_VALUE_BYTES + VaultCrypto.TAG_BYTES;
    private static final byte[] LABEL_V1 = "OKVT-rec-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LABEL = "OKVT-rec-v2".getBytes(StandardCharsets.US_ASCII);

    private RecordCodec() {
    }

    /** @param generation the header's generation, or null for a version-1 log (read only to upgrade it) */
    static byte[] aad(String vaultName, byte[] generation, String key, RecordType type, long seq) {
        byte[] v = vaultName.getBytes(StandardCharsets.US_ASCII);
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        byte[] label = generation == null ? LABEL_V1 : LABEL;
        int generationBytes = generation == null ? 0 : generation.length;
        ByteBuffer b = ByteBuffer.allocate(label.length + 1 + v.length + 1 + k.length + 1 + generationBytes + 8)
                .put(label).put((byte) v.length).put(v).put((byte) k.length).put(k).put((byte) type.id);
        if (generation != null) {
            b.put(generation);
        }
        return b.putLong(seq).array();
    }

    static int encodedLength(String key, int sealedLength) {
        return LENGTH_FIELD + 1 + 1 + key.length() + NonceSource.NONCE_BYTES + sealedLength;
    }

    static void encode(ByteBuffer out, RecordType type, String key, byte[] nonce, byte[] sealed) {
        int body = encodedLength(key, sealed.length) - LENGTH_FIELD;
        out.putInt(body).put((byte) type.id).put((byte) key.length()).put(key.getBytes(StandardCharsets.US_ASCII))
                .put(nonce).put(sealed);
    }
}
