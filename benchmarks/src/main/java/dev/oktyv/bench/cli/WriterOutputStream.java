package dev.oktyv.bench.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes into a command's {@link PrintWriter}, so byte-oriented output (JMH's console, a run's console tee)
 * reaches the same writer that tests capture. A multi-byte character split across writes is kept until complete.
 */
public final class WriterOutputStream extends OutputStream {

    private final PrintWriter out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    public WriterOutputStream(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int pos = off;
        int end = off + len;
        while (pos < end) {
            int n = Math.min(pending.remaining(), end - pos);
            pending.put(b, pos, n);
            pos += n;
            drain();
        }
    }

    private void drain() {
        pending.flip();
        while (true) {
            var result = decoder.decode(pending, chars, false);
            chars.flip();
            out.append(chars);
            chars.clear();
            if (!result.isOverflow()) {
                break;
            }
        }
        pending.compact();
    }

    @Override
    public synchronized void flush() {
        out.flush();
    }

    /** Flushes; the writer belongs to the caller and stays open. */
    @Override
    public void close() {
        flush();
    }
}
