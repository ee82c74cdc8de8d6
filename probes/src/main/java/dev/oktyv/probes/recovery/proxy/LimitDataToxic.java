package dev.oktyv.probes.recovery.proxy;

import java.io.IOException;
import java.util.Arrays;

/**
 * Toxiproxy's {@code limit_data}: the connection is closed once {@code bytes} bytes have passed in this direction;
 * exactly {@code bytes} bytes are delivered, never more.
 */
public record LimitDataToxic(ToxicDirection stream, double toxicity, long bytes) implements Toxic {

    public LimitDataToxic {
        Durations.direction(stream);
        Toxic.checkToxicity(toxicity);
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
        }
    }

    @Override
    public String type() {
        return "limit_data";
    }

    @Override
    public void attach(Link link) {
        if (bytes == 0) {
            link.close();
        }
    }

    @Override
    public void transmit(byte[] chunk, Link link, ChunkSink next) throws IOException, InterruptedException {
        long sent = link.counter(this).get();
        long allowed = Math.max(0, bytes - sent);
        int passing = (int) Math.min(allowed, chunk.length);
        if (passing > 0) {
            next.write(passing == chunk.length ? chunk : Arrays.copyOf(chunk, passing));
            link.counter(this).addAndGet(passing);
        }
        if (sent + passing >= bytes) {
            link.close();
        }
    }
}
