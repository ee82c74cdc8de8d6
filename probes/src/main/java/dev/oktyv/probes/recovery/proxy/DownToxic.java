package dev.oktyv.probes.recovery.proxy;

/**
 * The service is down: open connections are closed and new ones refused (the proxy stops listening) until this
 * toxic is removed. Toxiproxy models this as disabling the proxy ({@code enabled: false}); it is a toxic here so
 * that it is added and removed like every other fault. It acts on both directions whatever its stream.
 */
public record DownToxic() implements Toxic {

    @Override
    public String type() {
        return "down";
    }

    @Override
    public ToxicDirection stream() {
        return ToxicDirection.UPSTREAM;
    }

    @Override
    public double toxicity() {
        return 1.0;
    }

    @Override
    public boolean refusesConnections() {
        return true;
    }

    @Override
    public void attach(Link link) {
        link.close();
    }

    @Override
    public void transmit(byte[] chunk, Link link, ChunkSink next) {
        link.close();
    }
}
