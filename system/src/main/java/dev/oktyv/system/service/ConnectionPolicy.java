package dev.oktyv.system.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client may take and how many connections it may hold: the defences against slow and stalled clients.
 * No client, authenticated or not, can hold a worker thread while it sends slowly: heads and bodies are read
 * without a thread, and a route runs only once its whole request is in.
 *
 * @param headerTimeout            a new connection must deliver a complete request head within this, or it is closed
 * @param bodyTimeout              a request body must arrive completely within this after its head, or the request
 *                                 is answered 408 and the connection closed
 * @param idleTimeout              a connection on which nothing arrives for this long is closed (keep-alive idle
 *                                 time and any silence within a request)
 * @param maxConnectionsPerAddress further connections from one client address are closed as soon as they open;
 *                                 every load test here comes from 127.0.0.1, hence the generous default
 * @param maxConnections           beyond this many open connections the server stops accepting until one closes
 */
public record ConnectionPolicy(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout,
                               int maxConnectionsPerAddress, int maxConnections) {

    public ConnectionPolicy {
        positive("headerTimeout", headerTimeout);
        positive("bodyTimeout", bodyTimeout);
        positive("idleTimeout", idleTimeout);
        if (maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("maxConnectionsPerAddress must be >= 1, was " + maxConnectionsPerAddress);
        }
        if (maxConnections < maxConnectionsPerAddress) {
            throw new IllegalArgumentException("maxConnections must be >= maxConnectionsPerAddress ("
                    + maxConnectionsPerAddress + "), was " + maxConnections);
        }
    }

    /**
     * 10 s for a head, 10 s for a body, 30 s idle, 1024 connections per address, 4096 in all. Why 10 s for a body:
     * the default body cap is 1 MiB, which 10 s delivers at 100 KiB/s; a longer grace only lengthens the time a
     * client that announced a body and sent nothing holds a connection (the security phase's slow-clients probe
     * allows 15 s).
     */
    public static ConnectionPolicy defaults() {
        return new ConnectionPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30), 1024, 4096);
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
