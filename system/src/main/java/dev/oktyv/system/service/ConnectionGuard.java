package dev.oktyv.system.service;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Per connection: the cap on connections from one client address, and the deadline for a new connection's first
 * request head. Jetty's idle timeout closes a connection that goes silent, but not one that trickles a byte now and
 * then; the head deadline bounds that for the first request, which is where a slow-header attack starts.
 */
final class ConnectionGuard implements Connection.Listener {

    private final Scheduler scheduler;
    private final Duration headerTimeout;
    private final int maxPerAddress;
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    /** Connections still waiting for their first complete head, with the task that closes them. */
    private final Map<Connection, Scheduler.Task> awaitingHead = new ConcurrentHashMap<>();
    /** Connections admitted under the cap (and so counted), with the address they were counted under. */
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    ConnectionGuard(Scheduler scheduler, Duration headerTimeout, int maxPerAddress) {
        this.scheduler = scheduler;
        this.headerTimeout = headerTimeout;
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = address(connection.getEndPoint().getRemoteSocketAddress());
        if (address != null) {
            boolean[] admitted = {false};
            // compute() is atomic per key, so a count never drops to zero and disappears under a concurrent open.
            perAddress.compute(address, (a, n) -> {
                int open = n == null ? 0 : n;
                if (open >= maxPerAddress) {
                    return n;
                }
                admitted[0] = true;
                return open + 1;
            });
            if (!admitted[0]) {
                connection.getEndPoint().close();
                return;
            }
            counted.put(connection, address);
        }
        awaitingHead.put(connection, scheduler.schedule(() -> {
            if (awaitingHead.remove(connection) != null) {
                connection.getEndPoint().close();
            }
        }, headerTimeout));
    }

    /** Called once a request head is complete: the connection has met its head deadline. */
    void headReceived(Connection connection) {
        Scheduler.Task t = awaitingHead.remove(connection);
        if (t != null) {
            t.cancel();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        headReceived(connection);
        InetAddress address = counted.remove(connection);
        if (address != null) {
            perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
        }
    }

    private static InetAddress address(SocketAddress a) {
        return a instanceof InetSocketAddress isa ? isa.getAddress() : null;
    }
}
