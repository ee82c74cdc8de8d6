package dev.oktyv.probes.recovery.proxy;

import java.io.IOException;

/**
 * One fault of the {@link FaultProxy}, named and behaving like the Toxiproxy toxic of the same name so that
 * users recognise it. A toxic acts on a {@link Link} (one direction of one proxied connection); whether it acts
 * on a given connection is decided once per connection with probability {@link #toxicity()}.
 */
public interface Toxic {

    /** Toxiproxy's toxic type, e.g. {@code latency}. */
    String type();

    ToxicDirection stream();

    /** Probability in [0, 1] that a connection gets this toxic. */
    double toxicity();

    /** Called once when the toxic starts acting on a link: on add for open connections, on accept for new ones. */
    default void attach(Link link) {
    }

    /** Whether the proxy refuses new connections while this toxic is present ({@code down}). */
    default boolean refusesConnections() {
        return false;
    }

    /** Passes a chunk on (through {@code next}), or delays, splits, drops or cuts it. */
    void transmit(byte[] chunk, Link link, ChunkSink next) throws IOException, InterruptedException;

    /** The rest of the toxic chain, ending at the destination socket. */
    @FunctionalInterface
    interface ChunkSink {
        void write(byte[] chunk) throws IOException, InterruptedException;
    }

    static double checkToxicity(double toxicity) {
        if (!(toxicity >= 0 && toxicity <= 1)) {
            throw new IllegalArgumentException("toxicity must be in [0, 1], was " + toxicity);
        }
        return toxicity;
    }
}
