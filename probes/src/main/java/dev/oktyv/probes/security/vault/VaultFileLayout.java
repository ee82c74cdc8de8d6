package dev.oktyv.probes.security.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An attacker's reading of a vault file, from the documented on-disk format (docs/vault.md), independent of the
 * engine's own reader: header fields and record boundaries. Versions 1 (68-byte header) and 2 (100-byte header
 * with a generation and a keyed header tag) share the record layout. An attacker without the passphrase can
 * rewrite the committed length and the CRC, but not a keyed tag; {@link #withCommittedLength} does exactly that.
 */
public record VaultFileLayout(int version, int headerLength, int kdfAlgorithmId, int iterations, byte[] salt,
                              long committedLength, List<Record> records) {

    static final byte[] MAGIC = {'O', 'K', 'V', 'T'};
    /** The record nonce the format prescribes: 96 bits, the GCM standard size (NIST SP 800-38D, 8.2). */
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    /**
     * One record as stored.
     *
     * @param offset     file offset of its length field
     * @param length     bytes including the length field
     * @param ciphertext ciphertext followed by the tag
     */
    public record Record(int offset, int length, int type, String key, byte[] nonce, byte[] ciphertext) {
    }

    /** Parses {@code file}; throws IllegalArgumentException naming what does not fit the documented format. */
    public static VaultFileLayout parse(byte[] file) {
        if (file.length < 68 || !Arrays.equals(Arrays.copyOf(file, 4), MAGIC)) {
            throw new IllegalArgumentException("not a vault file (" + file.length + " bytes, no OKVT magic)");
        }
        ByteBuffer b = ByteBuffer.wrap(file);
        int version = Short.toUnsignedInt(b.getShort(4));
        int headerLength = headerLength(version);
        int kdf = Byte.toUnsignedInt(file[6]);
        int iterations = b.getInt(8);
        byte[] salt = Arrays.copyOfRange(file, 12, 12 + Byte.toUnsignedInt(file[7]));
        long committed = b.getLong(committedOffset(version));
        List<Record> records = new ArrayList<>();
        int pos = headerLength;
        while (pos + 4 <= file.length) {
            int body = b.getInt(pos);
            if (body < 2 + 1 + NONCE_BYTES + TAG_BYTES || pos + 4L + body > file.length) {
                break; // a torn tail: not a record
            }
            int type = Byte.toUnsignedInt(file[pos + 4]);
            int keyLength = Byte.toUnsignedInt(file[pos + 5]);
            int nonceAt = pos + 6 + keyLength;
            int sealedLength = body - 2 - keyLength - NONCE_BYTES;
            if (sealedLength < TAG_BYTES) {
                break;
            }
            String key = new String(file, pos + 6, keyLength, StandardCharsets.US_ASCII);
            records.add(new Record(pos, 4 + body, type, key, Arrays.copyOfRange(file, nonceAt, nonceAt + NONCE_BYTES),
                    Arrays.copyOfRange(file, nonceAt + NONCE_BYTES, nonceAt + NONCE_BYTES + sealedLength)));
            pos += 4 + body;
        }
        return new VaultFileLayout(version, headerLength, kdf, iterations, salt, committed, List.copyOf(records));
    }

    static int headerLength(int version) {
        return switch (version) {
            case 1 -> 68;
            case 2 -> 100;
            default -> throw new IllegalArgumentException("vault format version " + version + " is not documented");
        };
    }

    static int committedOffset(int version) {
        return version == 1 ? 56 : 72;
    }

    static int crcOffset(int version) {
        return version == 1 ? 64 : 96;
    }

    /**
     * {@code file} with the header's committed length set to {@code length} and the CRC32C recomputed: what
     * someone who can write the file but has no passphrase can do to the header.
     */
    public static byte[] withCommittedLength(byte[] file, long length) {
        byte[] out = file.clone();
        int version = Short.toUnsignedInt(ByteBuffer.wrap(out).getShort(4));
        ByteBuffer.wrap(out).putLong(committedOffset(version), length);
        int crcAt = crcOffset(version);
        CRC32C crc = new CRC32C();
        crc.update(out, 0, crcAt);
        ByteBuffer.wrap(out).putInt(crcAt, (int) crc.getValue());
        return out;
    }

    /** The last record, or an exception naming the file's emptiness. */
    public Record lastRecord() {
        if (records.isEmpty()) {
            throw new IllegalStateException("the vault file holds no records");
        }
        return records.get(records.size() - 1);
    }
}
