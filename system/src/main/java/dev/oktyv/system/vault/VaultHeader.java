package dev.oktyv.system.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The fixed 68-byte header at the start of every vault file (format version 1, big-endian):
 *
 * <pre>
 * offset size field
 *   0     4   magic "OKVT"
 *   4     2   format version (1)
 *   6     1   KDF algorithm id (1 = PBKDF2-HMAC-SHA256)
 *   7     1   salt length (16)
 *   8     4   KDF iterations
 *  12    16   salt
 *  28    12   key-check nonce
 *  40    16   key-check tag: AES-GCM over an empty plaintext, AAD = "OKVT-check-v1" | vault name | bytes 0..28
 *  56     8   committed length: file offset where the acknowledged records end
 *  64     4   CRC32C of bytes 0..64
 * </pre>
 *
 * The CRC separates "damaged" from "wrong passphrase": a header whose CRC matches but whose check tag fails
 * was opened with the wrong passphrase. The check tag binds the KDF parameters and salt, so nobody without the
 * key can swap them.
 */
record VaultHeader(int formatVersion, KdfAlgorithm algorithm, int iterations, byte[] salt, byte[] checkNonce,
                   byte[] checkTag, long committedLength) {

    static final int LENGTH = 68;
    static final int FORMAT_VERSION = 1;
    static final int SIGNED_PREFIX = 28;
    private static final byte[] MAGIC = {'O', 'K', 'V', 'T'};
    private static final byte[] CHECK_LABEL = "OKVT-check-v1".getBytes(StandardCharsets.US_ASCII);

    VaultHeader withCommittedLength(long length) {
        return new VaultHeader(formatVersion, algorithm, iterations, salt, checkNonce, checkTag, length);
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(MAGIC).putShort((short) formatVersion).put((byte) algorithm.headerId()).put((byte) salt.length)
                .putInt(iterations).put(salt).put(checkNonce).put(checkTag).putLong(committedLength);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, LENGTH - 4);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** The bytes the key-check tag authenticates, besides the vault name. */
    byte[] checkAad(String vaultName) {
        byte[] name = vaultName.getBytes(StandardCharsets.US_ASCII);
        byte[] prefix = encode();
        return ByteBuffer.allocate(CHECK_LABEL.length + 1 + name.length + SIGNED_PREFIX)
                .put(CHECK_LABEL).put((byte) name.length).put(name).put(prefix, 0, SIGNED_PREFIX).array();
    }

    static VaultHeader decode(String vaultName, byte[] file, long fileLength) {
        if (fileLength < LENGTH) {
            throw new VaultCorruptedException(vaultName, "file is " + fileLength + " bytes, shorter than the "
                    + LENGTH + "-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(file, 0, LENGTH);
        CRC32C crc = new CRC32C();
        crc.update(file, 0, LENGTH - 4);
        if ((int) crc.getValue() != b.getInt(LENGTH - 4)) {
            throw new VaultCorruptedException(vaultName, "header checksum mismatch");
        }
        byte[] magic = new byte[4];
        b.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new VaultCorruptedException(vaultName, "not a vault file (bad magic)");
        }
        int version = Short.toUnsignedInt(b.getShort());
        if (version != FORMAT_VERSION) {
            throw new VaultException("vault '" + vaultName + "' has format version " + version
                    + "; this build reads version " + FORMAT_VERSION);
        }
        KdfAlgorithm algorithm = KdfAlgorithm.fromHeaderId(Byte.toUnsignedInt(b.get()));
        if (algorithm == null) {
            throw new VaultCorruptedException(vaultName, "unknown KDF algorithm id " + file[6]);
        }
        int saltLength = Byte.toUnsignedInt(b.get());
        if (saltLength != KdfParams.SALT_BYTES) {
            throw new VaultCorruptedException(vaultName, "salt length " + saltLength + " is not "
                    + KdfParams.SALT_BYTES);
        }
        int iterations = b.getInt();
        if (iterations < 1 || iterations > KdfParams.MAXIMUM_ITERATIONS) {
            throw new VaultCorruptedException(vaultName, "implausible KDF iteration count " + iterations);
        }
        byte[] salt = new byte[KdfParams.SALT_BYTES];
        b.get(salt);
        byte[] nonce = new byte[NonceSource.NONCE_BYTES];
        b.get(nonce);
        byte[] tag = new byte[VaultCrypto.TAG_BYTES];
        b.get(tag);
        long committed = b.getLong();
        if (committed < LENGTH) {
            throw new VaultCorruptedException(vaultName, "committed length " + committed + " is inside the header");
        }
        return new VaultHeader(version, algorithm, iterations, salt, nonce, tag, committed);
    }
}
