package dev.oktyv.system.service;

import com.sun.net.httpserver.HttpServer;
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

/**
 * The Oktyv HTTP service: the JDK's {@link HttpServer} on a bounded worker pool, one context, and the
 * {@link ExchangeHandler} pipeline in front of a {@link RouteTable}.
 *
 * <p>Why the JDK server: measured on this 2-core machine with wrk sharing the cores, it serves a small JSON
 * response at over 30,000 requests/s once Nagle is off, which meets the target without a new dependency.
 * Nagle is the catch: the JDK server writes headers and body separately, and with Nagle on, every keep-alive
 * response waits for the client's delayed ACK, about 40 ms (700 requests/s). {@code sun.net.httpserver.nodelay}
 * is read once, when the JDK loads its server configuration, so it is set here before the first server is
 * created, unless the user has set it explicitly.
 */
public final class OktyvService implements AutoCloseable {

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;

    private OktyvService(HttpServer server, ThreadPoolExecutor workers) {
        this.server = server;
        this.workers = workers;
    }

    public static OktyvService start(ServiceOptions options, List<Route> routes, BearerAuth auth,
                                     MetricsCollector metrics) throws IOException {
        return start(options, routes, auth, metrics, NanoClock.SYSTEM);
    }

    public static OktyvService start(ServiceOptions options, List<Route> routes, BearerAuth auth,
                                     MetricsCollector metrics, NanoClock nanoClock) throws IOException {
        RouteTable table = new RouteTable(routes);
        HttpServer server = HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()),
                options.backlog());
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(options.threads(), options.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.queueLength()), r -> {
                    Thread t = new Thread(r, "oktyv-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(DispatchTime.stamping(workers, nanoClock));
        server.createContext("/", new ExchangeHandler(table, auth, options.cors(), options.maxBodyBytes(),
                new RequestMetrics(metrics, table), nanoClock));
        server.start();
        return new OktyvService(server, workers);
    }

    /**
     * A health check on the service itself: DEGRADED while the request queue is at least 90 % full (requests
     * are waiting for a worker and the dispatcher is about to run them itself), UP otherwise.
     */
    public HealthCheck workerQueueCheck() {
        return () -> {
            BlockingQueue<Runnable> q = workers.getQueue();
            int capacity = q.size() + q.remainingCapacity();
            return q.size() * 10L >= capacity * 9L ? HealthStatus.DEGRADED : HealthStatus.UP;
        };
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** e.g. {@code http://127.0.0.1:40123}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
    }

    /** Stops accepting, gives in-flight exchanges up to a second, then stops the workers. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(1));
    }

    /** The JDK server waits the whole grace period while any keep-alive connection is open, hence the choice. */
    public void stop(Duration grace) {
        server.stop((int) Math.min(Integer.MAX_VALUE, grace.toSeconds()));
        workers.shutdownNow();
    }
}
