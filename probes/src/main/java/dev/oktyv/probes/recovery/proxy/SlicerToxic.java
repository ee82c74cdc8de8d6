package dev.oktyv.probes.recovery.proxy;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Toxiproxy's {@code slicer}: every chunk is cut into pieces of {@code averageSize ± sizeVariation} bytes with
 * {@code delay} between them, which exposes readers that assume one read returns one whole message.
 */
public record SlicerToxic(ToxicDirection stream, double toxicity, int averageSize, int sizeVariation, Duration delay)
        implements Toxic {

    public SlicerToxic {
        Durations.direction(stream);
        Toxic.checkToxicity(toxicity);
        Durations.nonNegative("delay", delay);
        if (averageSize < 1) {
            throw new IllegalArgumentException("averageSize must be >= 1, was " + averageSize);
        }
        if (sizeVariation < 0 || sizeVariation >= averageSize) {
            throw new IllegalArgumentException("sizeVariation must be in [0, averageSize=" + averageSize + "), was "
                    + sizeVariation);
        }
    }

    @Override
    public String type() {
        return "slicer";
    }

    @Override
    public void transmit(byte[] chunk, Link link, ChunkSink next) throws IOException, InterruptedException {
        int from = 0;
        while (from < chunk.length) {
            int size = averageSize + (int) Math.round((link.nextUnit() * 2 - 1) * sizeVariation);
            int to = Math.min(chunk.length, from + Math.max(1, size));
            next.write(Arrays.copyOfRange(chunk, from, to));
            from = to;
            if (from < chunk.length && !delay.isZero()) {
                link.sleeper().sleep(delay);
            }
        }
    }
}
