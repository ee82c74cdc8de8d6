package dev.oktyv.probes.recovery.proxy;

import java.time.Duration;

/**
 * Toxiproxy's {@code latency}: every chunk waits {@code latency ± jitter} (uniform) before it is passed on.
 * The wait is taken on the pump thread, so a slow chunk also holds the ones behind it, as on a slow link.
 */
public record LatencyToxic(ToxicDirection stream, double toxicity, Duration latency, Duration jitter)
        implements Toxic {

    public LatencyToxic {
        Durations.direction(stream);
        Toxic.checkToxicity(toxicity);
        Durations.nonNegative("latency", latency);
        Durations.nonNegative("jitter", jitter);
        if (jitter.compareTo(latency) > 0) {
            throw new IllegalArgumentException("jitter " + jitter + " exceeds latency " + latency
                    + ": the delay would go negative");
        }
    }

    public static LatencyToxic of(ToxicDirection stream, Duration latency) {
        return new LatencyToxic(stream, 1.0, latency, Duration.ZERO);
    }

    @Override
    public String type() {
        return "latency";
    }

    @Override
    public void transmit(byte[] chunk, Link link, ChunkSink next) throws java.io.IOException, InterruptedException {
        long jitterNanos = jitter.toNanos();
        long delta = jitterNanos == 0 ? 0 : Math.round((link.nextUnit() * 2 - 1) * jitterNanos);
        link.sleeper().sleep(latency.plusNanos(delta));
        next.write(chunk);
    }
}
