package dev.oktyv.probes.recovery.database;

import java.net.InetSocketAddress;

/**
 * A real database server reachable over TCP, which a probe puts the fault proxy in front of.
 *
 * @param name          for evidence, e.g. {@code H2 (TCP server)}
 * @param address       where the server listens: the proxy's upstream
 * @param directUrl     a JDBC URL straight to the server, for the probe's own verification reads
 */
public record DatabaseServer(String name, InetSocketAddress address, String directUrl) {

    /** The same database through a proxy on {@code proxyPort} of the loopback address. */
    public String urlThroughProxy(int proxyPort) {
        String hostPort = address.getHostString() + ":" + address.getPort();
        if (!directUrl.contains(hostPort)) {
            throw new IllegalStateException("direct URL of " + name + " does not name " + hostPort);
        }
        return directUrl.replace(hostPort, "127.0.0.1:" + proxyPort);
    }
}
