package dev.oktyv.system.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32C;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The fixed header at the start of every vault file (big-endian). Format version 2, 100 bytes:
 *
 * <pre>
 * offset size field
 *   0     4   magic "OKVT"
 *   4     2   format version (2)
 *   6     1   KDF algorithm id (1 = PBKDF2-HMAC-SHA256)
 *   7     1   salt length (16)
 *   8     4   KDF iterations
 *  12    16   salt
 *  28    12   key-check nonce
 *  40    16   key-check tag: AES-GCM over an empty plaintext, AAD = "OKVT-check-v1" | vault name | bytes 0..28
 *  56    16   generation: random, new at each compaction; part of every record's AAD
 *  72     8   committed length: file offset where the acknowledged records end
 *  80    16   header tag: HMAC-SHA256 (first 16 bytes) under a key derived from the vault key, over
 *             "OKVT-header-v2" | vault name | bytes 0..80
 *  96     4   CRC32C of bytes 0..96
 * </pre>
 *
 * The CRC separates "damaged" from the rest; a header whose CRC matches but whose check tag fails was opened
 * with the wrong passphrase; one whose check tag verifies but whose header tag does not was rewritten by someone
 * without the key (for example a shortened committed length with a recomputed CRC: a rollback). Version 1 (68
 * bytes: no generation, no header tag, CRC at 64) is still read, so that old vaults can be upgraded on open.
 */
record VaultHeader(int formatVersion, KdfAlgorithm algorithm, int iterations, byte[] salt, byte[] checkNonce,
                   byte[] checkTag, byte[] generation, long committedLength, byte[] tag) {

    static final int FORMAT_VERSION = 2;
    static final int LENGTH = 100;
    static final int GENERATION_BYTES = 16;
    static final int SIGNED_PREFIX = 28;
    static final int COMMITTED_OFFSET = 72;
    static final int TAG_OFFSET = 80;
    static final int TAG_BYTES = 16;
    static final int CRC_OFFSET = 96;
    /** Version 1, read only to upgrade it. */
    static final int V1_LENGTH = 68;
    private static final int V1_COMMITTED_OFFSET = 56;
    private static final byte[] MAGIC = {'O', 'K', 'V', 'T'};
    private static final byte[] CHECK_LABEL = "OKVT-check-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAG_LABEL = "OKVT-header-v2".getBytes(StandardCharsets.US_ASCII);

    /** A new version-2 header, signed: at creation and at each compaction (with a new generation). */
    static VaultHeader create(String vaultName, VaultCrypto crypto, KdfAlgorithm algorithm, int iterations,
                              byte[] salt, byte[] checkNonce, byte[] generation, long committedLength) {
        VaultHeader unsigned = new VaultHeader(FORMAT_VERSION, algorithm, iterations, salt, checkNonce,
                new byte[VaultCrypto.TAG_BYTES], generation, committedLength, new byte[TAG_BYTES]);
        byte[] checkTag = crypto.seal(checkNonce, unsigned.checkAad(vaultName), new byte[0], 0);
        return new VaultHeader(FORMAT_VERSION, algorithm, iterations, salt, checkNonce, checkTag, generation,
                committedLength, new byte[TAG_BYTES]).signed(vaultName, crypto);
    }

    /** Size of this header in the file: where the records start. */
    int length() {
        return formatVersion == 1 ? V1_LENGTH : LENGTH;
    }

    boolean isCurrentVersion() {
        return formatVersion == FORMAT_VERSION;
    }

    VaultHeader withCommittedLength(long length, String vaultName, VaultCrypto crypto) {
        return new VaultHeader(formatVersion, algorithm, iterations, salt, checkNonce, checkTag, generation, length,
                new byte[TAG_BYTES]).signed(vaultName, crypto);
    }

    /** Same key check, a new generation: for a compaction's new file. */
    VaultHeader nextGeneration(byte[] newGeneration, long length, String vaultName, VaultCrypto crypto) {
        return new VaultHeader(formatVersion, algorithm, iterations, salt, checkNonce, checkTag, newGeneration, length,
                new byte[TAG_BYTES]).signed(vaultName, crypto);
    }

    private VaultHeader signed(String vaultName, VaultCrypto crypto) {
        byte[] bytes = encode();
        byte[] mac = crypto.headerTag(tagInput(vaultName, bytes));
        return new VaultHeader(formatVersion, algorithm, iterations, salt, checkNonce, checkTag, generation,
                committedLength, Arrays.copyOf(mac, TAG_BYTES));
    }

    /**
     * The key check. The CRC matched, so the bytes are as written: a tag that fails means the derived key, i.e.
     * the passphrase, is wrong.
     */
    void requireKey(String vaultName, VaultCrypto crypto) {
        try {
            crypto.open(new GCMParameterSpec(VaultCrypto.TAG_BITS, checkNonce), checkAad(vaultName), checkTag,
                    new byte[0]);
        } catch (AEADBadTagException e) {
            throw new VaultAuthenticationException(vaultName);
        }
    }

    /**
     * Call once {@link #requireKey} passed, so the key is right: a header tag that does not verify means someone
     * without the key rewrote the header, e.g. shortened the committed length and recomputed the CRC to roll
     * records back.
     */
    void requireTag(String vaultName, VaultCrypto crypto) {
        if (!tagVerifies(vaultName, crypto)) {
            throw new VaultCorruptedException(vaultName, "header tag does not verify: the header was modified"
                    + " without the vault key");
        }
    }

    /** Whether the header tag is the one the vault key gives; call once the key check passed. */
    boolean tagVerifies(String vaultName, VaultCrypto crypto) {
        if (formatVersion == 1) {
            return true; // version 1 had no header tag; such a file is upgraded as soon as it is opened
        }
        byte[] expected = Arrays.copyOf(crypto.headerTag(tagInput(vaultName, encode())), TAG_BYTES);
        return MessageDigest.isEqual(expected, tag);
    }

    private static byte[] tagInput(String vaultName, byte[] encoded) {
        byte[] name = vaultName.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(TAG_LABEL.length + 1 + name.length + TAG_OFFSET)
                .put(TAG_LABEL).put((byte) name.length).put(name).put(encoded, 0, TAG_OFFSET).array();
    }

    byte[] encode() {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalStateException("version " + formatVersion + " headers are read, never written");
        }
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(prefix()).put(checkNonce).put(checkTag).put(generation).putLong(committedLength).put(tag);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, CRC_OFFSET);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    private byte[] prefix() {
        return ByteBuffer.allocate(SIGNED_PREFIX).put(MAGIC).putShort((short) formatVersion)
                .put((byte) algorithm.headerId()).put((byte) salt.length).putInt(iterations).put(salt).array();
    }

    /** The bytes the key-check tag authenticates, besides the vault name. */
    byte[] checkAad(String vaultName) {
        byte[] name = vaultName.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(CHECK_LABEL.length + 1 + name.length + SIGNED_PREFIX)
                .put(CHECK_LABEL).put((byte) name.length).put(name).put(prefix()).array();
    }

    static VaultHeader decode(String vaultName, byte[] file, long fileLength) {
        if (fileLength < 6) {
            throw new VaultCorruptedException(vaultName, "file is " + fileLength + " bytes, shorter than a header");
        }
        if (!Arrays.equals(Arrays.copyOf(file, 4), MAGIC)) {
            throw new VaultCorruptedException(vaultName, "not a vault file (bad magic)");
        }
        int version = Short.toUnsignedInt(ByteBuffer.wrap(file).getShort(4));
        if (version != 1 && version != FORMAT_VERSION) {
            // The version field is read before any checksum (it says where the checksum is), so a damaged
            // field and a newer format look alike; a header that checksums as a known layout is the latter.
            if (crcMatches(file, fileLength, V1_LENGTH) || crcMatches(file, fileLength, LENGTH)) {
                throw new VaultException("vault '" + vaultName + "' has format version " + version
                        + "; this build reads versions 1 and " + FORMAT_VERSION);
            }
            throw new VaultCorruptedException(vaultName, "header checksum mismatch, or a format this build cannot"
                    + " read (version field " + version + "; this build reads versions 1 and " + FORMAT_VERSION + ")");
        }
        int length = version == 1 ? V1_LENGTH : LENGTH;
        if (fileLength < length) {
            throw new VaultCorruptedException(vaultName, "file is " + fileLength + " bytes, shorter than the "
                    + length + "-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(file, 0, length);
        CRC32C crc = new CRC32C();
        crc.update(file, 0, length - 4);
        if ((int) crc.getValue() != b.getInt(length - 4)) {
            throw new VaultCorruptedException(vaultName, "header checksum mismatch");
        }
        b.position(6);
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
        byte[] salt = take(b, KdfParams.SALT_BYTES);
        byte[] nonce = take(b, NonceSource.NONCE_BYTES);
        byte[] checkTag = take(b, VaultCrypto.TAG_BYTES);
        byte[] generation = version == 1 ? null : take(b, GENERATION_BYTES);
        long committed = b.getLong(version == 1 ? V1_COMMITTED_OFFSET : COMMITTED_OFFSET);
        b.position((version == 1 ? V1_COMMITTED_OFFSET : COMMITTED_OFFSET) + 8);
        byte[] tag = version == 1 ? null : take(b, TAG_BYTES);
        if (committed < length) {
            throw new VaultCorruptedException(vaultName, "committed length " + committed + " is inside the header");
        }
        return new VaultHeader(version, algorithm, iterations, salt, nonce, checkTag, generation, committed, tag);
    }

    private static boolean crcMatches(byte[] file, long fileLength, int length) {
        if (fileLength < length) {
            return false;
        }
        CRC32C crc = new CRC32C();
        crc.update(file, 0, length - 4);
        return (int) crc.getValue() == ByteBuffer.wrap(file).getInt(length - 4);
    }

    private static byte[] take(ByteBuffer b, int n) {
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }
}
