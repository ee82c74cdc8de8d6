package dev.oktyv.bench.serve;

import dev.oktyv.bench.filestore.FileLocation;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import dev.oktyv.system.monitoring.health.HealthChecker;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.BearerAuth;
import dev.oktyv.system.service.OktyvService;
import dev.oktyv.system.service.Route;
import dev.oktyv.system.service.ServiceOptions;
import dev.oktyv.system.service.ServiceToken;
import dev.oktyv.system.service.adapters.ItemStoreOptions;
import dev.oktyv.system.service.routes.HealthRoute;
import dev.oktyv.system.service.routes.MetricsRoute;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole service as {@code serve} runs it: {@link EmbeddedEngines}, their routes plus /health and /metrics, the
 * health checks and a fresh bearer token (kept in the service's vault as {@code vault:oktyv-service/token}).
 * Shared by the {@code serve} command and the over-HTTP load scenarios, which start it in process.
 */
public final class EmbeddedService implements AutoCloseable {

    private final EmbeddedEngines engines;
    private final MetricsCollector metrics;
    private final HealthChecker health;
    private final OktyvService service;
    private final List<Route> routes;
    private final Secret token;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedService(EmbeddedEngines engines, MetricsCollector metrics, HealthChecker health,
                            OktyvService service, List<Route> routes, Secret token) {
        this.engines = engines;
        this.metrics = metrics;
        this.health = health;
        this.service = service;
        this.routes = routes;
        this.token = token;
    }

    /**
     * Starts engines and server; on failure stops what was started.
     *
     * @param dbUrl null for a private H2 in-memory database
     * @throws java.net.BindException when the port is taken
     */
    public static EmbeddedService start(ServiceOptions options, String dbUrl) throws IOException {
        return startWith(options, ServiceDatabase.of(dbUrl), List.of());
    }

    /** As {@link #start(ServiceOptions, String)}, with the user's health checks beside the engines' own. */
    public static EmbeddedService start(ServiceOptions options, String dbUrl, List<HealthCheckProvider> extraChecks)
            throws IOException {
        return startWith(options, ServiceDatabase.of(dbUrl), extraChecks);
    }

    /** With the database items' cache and batching set (e.g. {@code load --cache on}). */
    public static EmbeddedService start(ServiceOptions options, String dbUrl, ItemStoreOptions itemOptions)
            throws IOException {
        return startWith(options, ServiceDatabase.of(dbUrl).withItems(itemOptions), List.of());
    }

    /** With a database set-up of its own (connection timeout, item cache). */
    public static EmbeddedService startWith(ServiceOptions options, ServiceDatabase database) throws IOException {
        return startWith(options, database, List.of());
    }

    /** With a database set-up of its own and the user's health checks beside the engines' own. */
    public static EmbeddedService startWith(ServiceOptions options, ServiceDatabase database,
                                            List<HealthCheckProvider> extraChecks) throws IOException {
        return startWith(options, database, extraChecks, FileLocation.localDefault());
    }

    /**
     * As {@link #startWith(ServiceOptions, ServiceDatabase, List)}, with the file routes on {@code files} (a
     * directory or an S3 prefix).
     *
     * @throws IllegalArgumentException when the S3 credentials' vault or references cannot be opened
     */
    public static EmbeddedService startWith(ServiceOptions options, ServiceDatabase database,
                                            List<HealthCheckProvider> extraChecks, FileLocation files)
            throws IOException {
        MetricsCollector metrics = new MetricsCollector();
        HealthChecker health = new HealthChecker();
        EmbeddedEngines engines = null;
        Secret token = ServiceToken.generate(new SecureRandom());
        try {
            engines = EmbeddedEngines.start(database, files, metrics);
            List<Route> routes = new ArrayList<>(List.of(new HealthRoute(health), new MetricsRoute(metrics)));
            routes.addAll(engines.routes());
            engines.tokenSink().store(token);
            engines.registerHealthChecks(health, extraChecks);
            OktyvService service = OktyvService.start(options, routes, new BearerAuth(token), metrics);
            // Non-critical: a full queue slows the service down (DEGRADED), it does not make it unavailable.
            health.register("http-workers", Duration.ofSeconds(1), false, service.workerQueueCheck());
            return new EmbeddedService(engines, metrics, health, service, List.copyOf(routes), token);
        } catch (Exception e) {
            token.destroy();
            health.close();
            if (engines != null) {
                engines.close();
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot start the service: " + e.getMessage(), e);
        }
    }

    /** e.g. {@code http://127.0.0.1:40123}. */
    public URI uri() {
        return service.uri();
    }

    /** The bearer token; valid until {@link #close()}. Print it at most once. */
    public Secret token() {
        return token;
    }

    public List<Route> routes() {
        return routes;
    }

    /** What /metrics exports, for in-process alert rules (an alert evaluator reads the collector, as Prometheus
     * reads a scrape). */
    public MetricsCollector metrics() {
        return metrics;
    }

    /** Where the file routes store (for the console; never a credential). */
    public String filesDescription() {
        return engines.filesDescription();
    }

    EmbeddedEngines engines() {
        return engines;
    }

    /** The checks behind /health, to run them afresh in tests (the route reuses a report for a second). */
    HealthChecker healthChecker() {
        return health;
    }

    /** Stops accepting at once, then closes the engines and deletes the temp directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        service.stop(Duration.ZERO);
        health.close();
        engines.close();
        token.destroy();
    }
}
