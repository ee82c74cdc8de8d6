package dev.oktyv.probes.recovery.proxy;

import dev.oktyv.system.time.Sleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * A TCP fault proxy on loopback, a small stand-in for Toxiproxy (which no registry here ships): it listens on
 * {@code 127.0.0.1:port} and forwards to one upstream address, passing every chunk through the {@link Toxic}s of
 * its direction. Toxics are added and removed while connections are open. A {@code down} toxic closes the
 * listening socket, so new connections are refused rather than accepted and dropped; removing it listens again on
 * the same port, so clients configured with the proxy's address need no change.
 */
public final class FaultProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final List<Toxic> toxics = new CopyOnWriteArrayList<>();
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger connectionNumber = new AtomicInteger();
    private final int port;
    private volatile ServerSocket listener;
    private volatile boolean closed;

    /** A proxy on a free loopback port, real time, and a seeded toxicity dice. */
    public static FaultProxy start(InetSocketAddress upstream) throws IOException {
        return new FaultProxy(upstream, 0, Sleeper.SYSTEM, new SplittableRandom(42));
    }

    public FaultProxy(InetSocketAddress upstream, int port, Sleeper sleeper, RandomGenerator random)
            throws IOException {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oktyv-proxy-timer");
            t.setDaemon(true);
            return t;
        });
        this.listener = listen(port);
        this.port = listener.getLocalPort();
        acceptLoop(listener);
    }

    public int port() {
        return port;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** Adds a toxic; it acts at once on open connections (each with the toxic's toxicity) and on new ones. */
    public synchronized void add(Toxic toxic) throws IOException {
        Objects.requireNonNull(toxic, "toxic");
        toxics.add(toxic);
        if (toxic.refusesConnections() && listener != null) {
            listener.close();
            listener = null;
        }
        for (ProxyConnection c : List.copyOf(connections)) {
            c.attach(toxic);
        }
    }

    /** Removes a toxic; data flows normally again and, if it was the last {@code down}, connections are accepted. */
    public synchronized void remove(Toxic toxic) throws IOException {
        if (!toxics.remove(toxic)) {
            throw new IllegalArgumentException("toxic " + toxic + " is not on this proxy");
        }
        for (ProxyConnection c : List.copyOf(connections)) {
            c.detach(toxic);
        }
        if (listener == null && !closed && toxics.stream().noneMatch(Toxic::refusesConnections)) {
            listener = listen(port);
            acceptLoop(listener);
        }
    }

    public synchronized void removeAll() throws IOException {
        for (Toxic t : List.copyOf(toxics)) {
            remove(t);
        }
    }

    public List<Toxic> toxics() {
        return List.copyOf(toxics);
    }

    /** Open proxied connections: a probe's evidence that a client did or did not keep connections. */
    public int openConnections() {
        return connections.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // Closing anyway.
        }
        for (ProxyConnection c : List.copyOf(connections)) {
            c.close(false);
        }
        scheduler.shutdownNow();
    }

    Link newLink(ProxyConnection connection, ToxicDirection direction) {
        return new Link(connection, direction, scheduler, sleeper, random);
    }

    void forget(ProxyConnection connection) {
        connections.remove(connection);
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        // Re-binding the same port after a down toxic must not wait for TIME_WAIT.
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return s;
    }

    private void acceptLoop(ServerSocket server) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    onAccept(client);
                } catch (SocketException closedListener) {
                    return;
                } catch (IOException e) {
                    // One failed accept must not stop the proxy; the client sees its own error.
                }
            }
        }, "oktyv-proxy-accept-" + port);
        t.setDaemon(true);
        t.start();
    }

    private void onAccept(Socket client) {
        Socket up = new Socket();
        try {
            client.setTcpNoDelay(true);
            up.setTcpNoDelay(true);
            up.connect(upstream, 5_000);
        } catch (IOException e) {
            // Upstream unreachable: the client sees a closed connection, as with Toxiproxy.
            closeQuietly(client);
            closeQuietly(up);
            return;
        }
        ProxyConnection c = new ProxyConnection(this, client, up);
        synchronized (this) {
            connections.add(c);
            for (Toxic toxic : toxics) {
                c.attach(toxic);
            }
        }
        c.start(connectionNumber.incrementAndGet());
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Nothing to release.
        }
    }
}
