package dev.oktyv.probes.recovery.proxy;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Toxiproxy's {@code bandwidth}: at most {@code rateKilobytesPerSecond} KB/s (1 KB = 1024 bytes) through this
 * direction. Chunks are passed in pieces of 1/10 s worth of bytes, each followed by its share of the time, so the
 * rate holds over any window longer than 100 ms rather than only on average.
 */
public record BandwidthToxic(ToxicDirection stream, double toxicity, long rateKilobytesPerSecond) implements Toxic {

    public BandwidthToxic {
        Durations.direction(stream);
        Toxic.checkToxicity(toxicity);
        if (rateKilobytesPerSecond < 1) {
            throw new IllegalArgumentException("rateKilobytesPerSecond must be >= 1, was " + rateKilobytesPerSecond);
        }
    }

    @Override
    public String type() {
        return "bandwidth";
    }

    @Override
    public void transmit(byte[] chunk, Link link, ChunkSink next) throws IOException, InterruptedException {
        long bytesPerSecond = rateKilobytesPerSecond * 1024;
        int piece = (int) Math.max(1, Math.min(chunk.length, bytesPerSecond / 10));
        for (int from = 0; from < chunk.length; from += piece) {
            int to = Math.min(chunk.length, from + piece);
            next.write(Arrays.copyOfRange(chunk, from, to));
            link.sleeper().sleep(Duration.ofNanos((to - from) * 1_000_000_000L / bytesPerSecond));
        }
    }
}
