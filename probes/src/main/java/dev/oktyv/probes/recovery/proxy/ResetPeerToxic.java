package dev.oktyv.probes.recovery.proxy;

import java.time.Duration;

/**
 * Toxiproxy's {@code reset_peer}: {@code timeout} after the toxic started acting (0 = at once) the connection is
 * closed with a TCP RST, so the peer sees "connection reset" rather than an orderly end of stream. Data sent
 * before that passes unchanged.
 */
public record ResetPeerToxic(ToxicDirection stream, double toxicity, Duration timeout) implements Toxic {

    public ResetPeerToxic {
        Durations.direction(stream);
        Toxic.checkToxicity(toxicity);
        Durations.nonNegative("timeout", timeout);
    }

    @Override
    public String type() {
        return "reset_peer";
    }

    @Override
    public void attach(Link link) {
        if (timeout.isZero()) {
            link.reset();
        } else {
            link.schedule(this, timeout, link::reset);
        }
    }

    @Override
    public void transmit(byte[] chunk, Link link, ChunkSink next) throws java.io.IOException, InterruptedException {
        next.write(chunk);
    }
}
