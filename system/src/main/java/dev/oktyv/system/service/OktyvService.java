package dev.oktyv.system.service;

import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.health.HealthCheck;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.time.NanoClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The Oktyv HTTP service: Jetty for the connections, a bounded worker pool for the routes, and the
 * {@link ExchangeHandler} pipeline in front of a {@link RouteTable}.
 *
 * <p>Why Jetty and not the JDK's {@code HttpServer} any more (issue 13): the JDK server reads heads and bodies with
 * blocking reads on its workers and has no read deadline, so four clients sending half a head froze the service.
 * Jetty reads heads and bodies without a thread (selectors), closes silent connections after an idle timeout, and
 * limits open connections; what it lacks (a deadline for the first head and for a whole body, a cap per client
 * address) is small and lives in {@link ConnectionGuard} and {@link BodyReader}. The routes still run on our own
 * pool with its bounded queue, so {@link #workerQueueCheck()} and the dispatch-time stamp mean what they meant.
 */
public final class OktyvService implements AutoCloseable {

    /**
     * I/O threads for Jetty (acceptor, selector, body reads, the handoff to the workers); routes never block them
     * except on a full queue. Request heads are handled on the selector itself (see {@link ExchangeHandler}).
     */
    private static final int IO_THREADS = 8;

    private final Server server;
    private final ServerConnector connector;
    private final ThreadPoolExecutor workers;

    private OktyvService(Server server, ServerConnector connector, ThreadPoolExecutor workers) {
        this.server = server;
        this.connector = connector;
        this.workers = workers;
    }

    public static OktyvService start(ServiceOptions options, List<Route> routes, BearerAuth auth,
                                     MetricsCollector metrics) throws IOException {
        return start(options, routes, auth, metrics, NanoClock.SYSTEM);
    }

    public static OktyvService start(ServiceOptions options, List<Route> routes, BearerAuth auth,
                                     MetricsCollector metrics, NanoClock nanoClock) throws IOException {
        RouteTable table = new RouteTable(routes);
        AtomicInteger n = new AtomicInteger();
        // When the queue is full the Jetty pool thread that completed the request runs it itself, which slows reading
        // new requests instead of dropping them. Never the selector: ExchangeHandler leaves it before the handoff.
        ThreadPoolExecutor workers = new ThreadPoolExecutor(options.threads(), options.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.queueLength()), r -> {
                    Thread t = new Thread(r, "oktyv-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());

        ConnectionPolicy policy = options.connections();
        QueuedThreadPool io = new QueuedThreadPool(IO_THREADS, 2);
        io.setName("oktyv-http-io");
        io.setDaemon(true);
        io.setReservedThreads(0);
        Server server = new Server(io);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("oktyv-http-deadlines", true);
        server.addBean(scheduler);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // RFC 9110 strictly: among others, method names are matched case-sensitively.
        http.setHttpCompliance(HttpCompliance.RFC9110);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.bindAddress().getHostAddress());
        connector.setPort(options.port());
        connector.setAcceptQueueSize(options.backlog());
        connector.setIdleTimeout(policy.idleTimeout().toMillis());
        // Small responses written as one packet each: no wait for the client's delayed ACK.
        connector.setAcceptedTcpNoDelay(true);
        ConnectionGuard guard = new ConnectionGuard(scheduler, policy.headerTimeout(), policy.maxConnectionsPerAddress());
        connector.addEventListener(guard);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(policy.maxConnections(), connector));

        server.setErrorHandler(new JsonErrorHandler());
        server.setHandler(new ExchangeHandler(table, auth, options.cors(), new RequestMetrics(metrics, table), nanoClock,
                new BodyReader(scheduler, policy.bodyTimeout(), options.maxBodyBytes()), guard,
                DispatchTime.stamping(workers, nanoClock), io));
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            workers.shutdownNow();
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            workers.shutdownNow();
            throw new IOException("cannot start the HTTP server: " + e.getMessage(), e);
        }
        return new OktyvService(server, connector, workers);
    }

    /**
     * A health check on the service itself: DEGRADED while the request queue is at least 90 % full (requests
     * are waiting for a worker and the I/O threads are about to run them themselves), UP otherwise.
     */
    public HealthCheck workerQueueCheck() {
        return () -> {
            BlockingQueue<Runnable> q = workers.getQueue();
            int capacity = q.size() + q.remainingCapacity();
            return q.size() * 10L >= capacity * 9L ? HealthStatus.DEGRADED : HealthStatus.UP;
        };
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** e.g. {@code http://127.0.0.1:40123}. */
    public URI uri() {
        String host = new InetSocketAddress(connector.getHost(), 0).getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** Stops accepting, gives in-flight exchanges up to a second, then stops the workers. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(1));
    }

    public void stop(Duration grace) {
        server.setStopTimeout(grace.toMillis());
        stopQuietly(server);
        workers.shutdownNow();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping: a failure to stop cleanly leaves nothing for the caller to do.
        }
    }
}
