package dev.oktyv.bench.serve;

import dev.oktyv.bench.duration.Durations;
import dev.oktyv.bench.duration.DurationConverter;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.filestore.FileLocation;
import dev.oktyv.bench.filestore.FileStoreOptions;
import dev.oktyv.bench.plugin.PluginSet;
import dev.oktyv.bench.plugin.PluginsOption;
import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.service.CorsPolicy;
import dev.oktyv.system.service.Route;
import dev.oktyv.system.service.ServiceOptions;
import dev.oktyv.system.service.adapters.ItemStoreOptions;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the Oktyv service on loopback until Ctrl-C or {@code --duration}, with the engines of
 * {@link EmbeddedEngines} behind it. Prints the URL and the bearer token once; the token is also stored as
 * {@code vault:oktyv-service/token} in the service's own (temporary) vault.
 */
@Command(name = "serve", description = "Run the Oktyv HTTP service on loopback (prints its URL and bearer token once).")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;
    @Mixin
    PluginsOption plugins;

    @Spec
    CommandSpec spec;

    @Mixin
    FileStoreOptions files;

    @Option(names = "--port", description = "TCP port on 127.0.0.1; 0 (default) picks a free one.")
    int port = 0;

    @Option(names = "--duration", converter = DurationConverter.class,
            description = "Stop after this long (e.g. 30s, 5m); default: run until Ctrl-C.")
    Duration duration;

    @Option(names = "--threads", description = "Request worker threads (default: ${DEFAULT-VALUE}).")
    int threads = 4;

    @Option(names = "--max-body-bytes", description = "Larger request bodies get 413 (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes = 1 << 20;

    @Option(names = "--cors-origin", description = "Allow this browser origin (scheme://host[:port]); repeatable. CORS is off without it.")
    List<String> corsOrigins = List.of();

    @Option(names = "--db-url", description = "JDBC URL (jdbc:postgresql://... or jdbc:h2:...); default: a private H2 in-memory database.")
    String dbUrl;

    @Option(names = "--stale-reads", description = "Cache item reads (5 s TTL) and, while the database is down,"
            + " keep serving a cached item for 10 min marked stale (Warning: 110, X-Oktyv-Stale); /health then says"
            + " DEGRADED, not DOWN, for a database outage. Off by default: a cache changes what a read means.")
    boolean staleReads;

    /** Called once the service answers; tests use it to look at the embedded engines (e.g. GreenMail's inbox). */
    Consumer<EmbeddedEngines> onStarted = engines -> { };

    @Override
    public Integer call() throws Exception {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new UsageException("--duration must be longer than zero, got '" + Durations.format(duration) + "'");
        }
        ServiceOptions options;
        try {
            options = ServiceOptions.defaults().withPort(port).withThreads(threads).withMaxBodyBytes(maxBodyBytes)
                    .withCors(new CorsPolicy(Set.copyOf(corsOrigins)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (dbUrl != null) {
            try {
                DatabaseConfig.builder().jdbcUrl(dbUrl);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--db-url: " + e.getMessage());
            }
        }
        FileLocation fileLocation;
        try {
            fileLocation = files.location();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        // The loader stays open while the service runs: the user's health checks are called on every /health.
        try (URLClassLoader loader = plugins.open(ServeCommand.class.getClassLoader())) {
            // Loaded before the port is taken: a plug-in that cannot load is bad input (exit 2).
            return serve(options, PluginSet.discover(loader), fileLocation);
        }
    }

    private int serve(ServiceOptions options, PluginSet checks, FileLocation fileLocation) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EmbeddedService service;
        try {
            ServiceDatabase database = ServiceDatabase.of(dbUrl);
            service = EmbeddedService.startWith(options,
                    staleReads ? database.withItems(ItemStoreOptions.servingStaleReads()) : database,
                    checks.healthChecks(), fileLocation);
        } catch (BindException e) {
            throw new UsageException("cannot listen on port " + port + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // The S3 credentials' vault or a reference could not be opened: the user's configuration, not a crash.
            throw new UsageException(e.getMessage(), e);
        }
        try (service) {
            out.println("Oktyv service listening on " + service.uri());
            // Printed once, here only; the service's vault is temporary, so this line is how a user learns it.
            out.println("Bearer token (shown once): " + service.token().revealAsString());
            out.println("Files: " + service.filesDescription());
            for (var check : checks.healthChecks()) {
                out.println("Health check from a plug-in: " + check.name() + " (" + check.getClass().getName() + ")");
            }
            out.println("Routes: " + service.routes().stream().map(Route::label).toList() + "; Ctrl-C to stop");
            out.flush();
            onStarted.accept(service.engines());
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                service.close(); // also the temp directory and GreenMail: try-with-resources will not run on exit
                stopped.countDown();
            }, "oktyv-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (duration == null) {
                    stopped.await();
                } else if (!stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
                    Runtime.getRuntime().removeShutdownHook(hook);
                    service.close();
                    out.println("Stopped after " + duration);
                }
            } finally {
                out.flush();
            }
        }
        return 0;
    }
}
