package com.example.checks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Stands for "your system" in this example: an append-only journal of records, each written as
 * {@code [length][crc32][bytes]}. A crash can leave the last record half-written; on open, {@link Recovery#VERIFY}
 * keeps the records whose checksum holds and cuts the torn tail off, so the journal is readable and writable again.
 * {@link Recovery#TRUST_LENGTHS} is the weakened variant the example probe's test uses to show it can fail.
 */
public final class Journal implements AutoCloseable {

    public enum Recovery { VERIFY, TRUST_LENGTHS }

    private static final int HEADER = 8;

    private final FileChannel channel;
    private final List<byte[]> records;

    private Journal(FileChannel channel, List<byte[]> records) {
        this.channel = channel;
        this.records = records;
    }

    public static Journal open(Path file, Recovery recovery) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        List<byte[]> records = new ArrayList<>();
        long pos = 0;
        long size = ch.size();
        while (pos + HEADER <= size) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            ch.read(header, pos);
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            long available = size - pos - HEADER;
            if (recovery == Recovery.VERIFY && (length < 0 || length > available)) {
                break; // torn: the length promises more bytes than the crash left
            }
            ByteBuffer body = ByteBuffer.allocate(Math.max(0, (int) Math.min(length, available)));
            ch.read(body, pos + HEADER);
            if (recovery == Recovery.VERIFY && crc != crc(body.array())) {
                break; // torn or overwritten: the bytes are not the ones that were written
            }
            records.add(body.array());
            pos += HEADER + Math.max(0, length);
        }
        if (recovery == Recovery.VERIFY) {
            ch.truncate(pos);
        }
        ch.position(Math.min(pos, ch.size()));
        return new Journal(ch, records);
    }

    /** Appends one record and forces it to disk. */
    public void append(byte[] record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + record.length);
        out.writeBytes(ByteBuffer.allocate(HEADER).putInt(record.length).putInt(crc(record)).array());
        out.writeBytes(record);
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
        while (b.hasRemaining()) {
            channel.write(b);
        }
        channel.force(false);
        records.add(record.clone());
    }

    public int size() {
        return records.size();
    }

    public List<byte[]> records() {
        return List.copyOf(records);
    }

    private static int crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return (int) c.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
