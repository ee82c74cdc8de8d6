package dev.oktyv.system.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * Replays log records into a {@link VaultState}, verifying every tag.
 *
 * <p>Records that start before the header's committed length were acknowledged to a caller, so any defect
 * there (bad length, bad name, failed tag, file ending early) is corruption. Bytes after the committed length
 * come from an append whose header update did not land (a crash between the two writes, or power loss before
 * the fsync finished): complete records there that authenticate at the right seq are kept, and the first one
 * that does not ends the log; it was never acknowledged, and the next writer truncates it away.
 */
final class LogReader {

    private final String vaultName;
    private final VaultCrypto crypto;
    /** Offset (into the byte array) just after the record {@link #replayOne} accepted last. */
    private int lastEnd;

    LogReader(String vaultName, VaultCrypto crypto) {
        this.vaultName = vaultName;
        this.crypto = crypto;
    }

    /**
     * @param bytes          file content; {@code bytes[i]} is at file offset {@code baseOffset + i}
     * @param start          file offset of the first record to read
     * @param fileLength     file offset where the content ends
     * @param committedEnd   the header's committed length
     * @param generation     the header's generation (bound into every record's AAD); null for version 1
     * @return the file offset just after the last valid record
     */
    long replay(byte[] bytes, long baseOffset, long start, long fileLength, long committedEnd, byte[] generation,
                VaultState state) {
        if (fileLength < committedEnd) {
            throw new VaultCorruptedException(vaultName, "file is truncated: it ends at byte " + fileLength
                    + " but its header commits records up to byte " + committedEnd);
        }
        long pos = start;
        while (pos < fileLength) {
            boolean committed = pos < committedEnd;
            String problem = replayOne(bytes, baseOffset, pos, committed ? committedEnd : fileLength, generation,
                    state);
            if (problem != null) {
                if (committed) {
                    throw new VaultCorruptedException(vaultName, "record at byte " + pos + ": " + problem);
                }
                break;
            }
            pos = baseOffset + lastEnd;
        }
        if (pos < committedEnd) {
            throw new VaultCorruptedException(vaultName, "records end at byte " + pos
                    + " but the header commits up to byte " + committedEnd);
        }
        return pos;
    }

    /** Returns null on success (and sets {@link #lastEnd}), else what is wrong with the record. */
    private String replayOne(byte[] bytes, long baseOffset, long pos, long limit, byte[] generation,
                             VaultState state) {
        int at = (int) (pos - baseOffset);
        int available = (int) (limit - pos);
        if (available < RecordCodec.LENGTH_FIELD) {
            return "length field cut off";
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, at, available);
        int body = b.getInt();
        if (body < RecordCodec.MIN_BODY || body > RecordCodec.MAX_BODY) {
            return "implausible record length " + body;
        }
        if (body > available - RecordCodec.LENGTH_FIELD) {
            return "record of " + body + " bytes runs past byte " + limit;
        }
        RecordType type = RecordType.fromId(Byte.toUnsignedInt(b.get()));
        if (type == null) {
            return "unknown record type";
        }
        int keyLength = Byte.toUnsignedInt(b.get());
        int sealedLength = body - 2 - keyLength - NonceSource.NONCE_BYTES;
        if (keyLength < 1 || sealedLength < VaultCrypto.TAG_BYTES
                || (type == RecordType.DELETE && sealedLength != VaultCrypto.TAG_BYTES)) {
            return "inconsistent key or value length";
        }
        String key = new String(bytes, at + 6, keyLength, StandardCharsets.US_ASCII);
        if (!VaultNames.KEY_NAME.matcher(key).matches()) {
            return "invalid key name";
        }
        b.position(b.position() + keyLength);
        byte[] nonce = new byte[NonceSource.NONCE_BYTES];
        b.get(nonce);
        byte[] sealed = new byte[sealedLength];
        b.get(sealed);
        long seq = state.recordCount;
        int recordLength = RecordCodec.LENGTH_FIELD + body;
        SealedValue value = new SealedValue(key, seq, nonce, RecordCodec.aad(vaultName, generation, key, type, seq),
                sealed, recordLength);
        byte[] plain = new byte[value.plaintextLength()];
        try {
            crypto.open(value.nonce(), value.aad(), sealed, plain);
        } catch (AEADBadTagException e) {
            return "authentication tag does not verify";
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        if (type == RecordType.PUT) {
            state.applyPut(value);
        } else {
            state.applyDelete(key, recordLength);
        }
        lastEnd = at + recordLength;
        return null;
    }
}
