package dev.oktyv.system.service;

import java.net.InetAddress;
import java.util.Objects;

/**
 * How the service listens.
 *
 * @param bindAddress  must be a loopback address: the service is a system under test, never exposed
 * @param port         0 picks a free ephemeral port
 * @param threads      request worker threads (the JDK server's single dispatcher thread is separate)
 * @param queueLength  requests waiting for a worker; when full the dispatcher runs the request itself, which
 *                     slows accepting new work instead of dropping it
 * @param maxBodyBytes larger request bodies get 413 without being read
 * @param connections  deadlines and connection caps against slow and stalled clients
 */
public record ServiceOptions(InetAddress bindAddress, int port, int threads, int queueLength, int backlog,
                             long maxBodyBytes, CorsPolicy cors, ConnectionPolicy connections) {

    public ServiceOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(cors, "cors");
        Objects.requireNonNull(connections, "connections");
        if (!bindAddress.isLoopbackAddress()) {
            throw new IllegalArgumentException("the service binds to loopback only, not " + bindAddress.getHostAddress());
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (threads < 1 || threads > 512) {
            throw new IllegalArgumentException("threads must be 1..512, was " + threads);
        }
        if (queueLength < 1) {
            throw new IllegalArgumentException("queueLength must be >= 1, was " + queueLength);
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be >= 1, was " + backlog);
        }
        if (maxBodyBytes < 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            // Bodies are read into one array.
            throw new IllegalArgumentException("maxBodyBytes must be 0.." + (Integer.MAX_VALUE - 8) + ", was " + maxBodyBytes);
        }
    }

    /** With the default {@link ConnectionPolicy}. */
    public ServiceOptions(InetAddress bindAddress, int port, int threads, int queueLength, int backlog,
                          long maxBodyBytes, CorsPolicy cors) {
        this(bindAddress, port, threads, queueLength, backlog, maxBodyBytes, cors, ConnectionPolicy.defaults());
    }

    /** Loopback, ephemeral port, 4 workers, 1 MiB bodies, CORS off, {@link ConnectionPolicy#defaults()}. */
    public static ServiceOptions defaults() {
        return new ServiceOptions(InetAddress.getLoopbackAddress(), 0, 4, 1024, 1024, 1 << 20, CorsPolicy.DISABLED,
                ConnectionPolicy.defaults());
    }

    public ServiceOptions withPort(int p) {
        return new ServiceOptions(bindAddress, p, threads, queueLength, backlog, maxBodyBytes, cors, connections);
    }

    public ServiceOptions withThreads(int t) {
        return new ServiceOptions(bindAddress, port, t, queueLength, backlog, maxBodyBytes, cors, connections);
    }

    public ServiceOptions withMaxBodyBytes(long max) {
        return new ServiceOptions(bindAddress, port, threads, queueLength, backlog, max, cors, connections);
    }

    public ServiceOptions withConnections(ConnectionPolicy c) {
        return new ServiceOptions(bindAddress, port, threads, queueLength, backlog, maxBodyBytes, cors, c);
    }

    public ServiceOptions withCors(CorsPolicy c) {
        return new ServiceOptions(bindAddress, port, threads, queueLength, backlog, maxBodyBytes, c, connections);
    }
}
