package dev.oktyv.probes.recovery.proxy;

import java.time.Duration;

/**
 * Toxiproxy's {@code timeout}: a black hole. No data gets through; with a positive {@code timeout} the connection
 * is closed that long after the toxic started acting, with zero it stays open (and silent) until the toxic is
 * removed. Data sent meanwhile is dropped, not delivered later.
 */
public record TimeoutToxic(ToxicDirection stream, double toxicity, Duration timeout) implements Toxic {

    public TimeoutToxic {
        Durations.direction(stream);
        Toxic.checkToxicity(toxicity);
        Durations.nonNegative("timeout", timeout);
    }

    @Override
    public String type() {
        return "timeout";
    }

    @Override
    public void attach(Link link) {
        if (!timeout.isZero()) {
            link.schedule(this, timeout, link::close);
        }
    }

    @Override
    public void transmit(byte[] chunk, Link link, ChunkSink next) {
        // Dropped: a black hole neither delivers nor answers.
    }
}
