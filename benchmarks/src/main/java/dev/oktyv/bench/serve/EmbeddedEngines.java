package dev.oktyv.bench.serve;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.oktyv.results.DirectoryTree;
import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.email.SmtpMailer;
import dev.oktyv.system.email.SmtpPoolConfig;
import dev.oktyv.system.email.SmtpSettings;
import dev.oktyv.system.email.TlsMode;
import dev.oktyv.bench.database.InMemoryH2;
import dev.oktyv.bench.filestore.FileLocation;
import dev.oktyv.bench.filestore.OpenedStore;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import dev.oktyv.system.monitoring.health.HealthChecker;
import dev.oktyv.system.monitoring.health.HealthContext;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretResolver;
import dev.oktyv.system.service.Route;
import dev.oktyv.system.service.ServiceToken;
import dev.oktyv.system.service.TokenSink;
import dev.oktyv.system.service.adapters.DatabaseItemBackend;
import dev.oktyv.system.service.adapters.FileStoreBackend;
import dev.oktyv.system.service.adapters.ItemStoreOptions;
import dev.oktyv.system.service.adapters.ReservedFiles;
import dev.oktyv.system.service.adapters.ReservedVaults;
import dev.oktyv.system.service.adapters.SmtpMailBackend;
import dev.oktyv.system.service.adapters.VaultKeyValueBackend;
import dev.oktyv.system.service.health.DatabaseDependency;
import dev.oktyv.system.service.health.FileStoreDependency;
import dev.oktyv.system.service.health.SmtpDependency;
import dev.oktyv.system.service.health.VaultDependency;
import dev.oktyv.system.service.routes.DbCreateItemRoute;
import dev.oktyv.system.service.routes.DbGetItemRoute;
import dev.oktyv.system.service.routes.EmailSendRoute;
import dev.oktyv.system.service.routes.FileBackend;
import dev.oktyv.system.service.routes.FileGetRoute;
import dev.oktyv.system.service.routes.FilePutRoute;
import dev.oktyv.system.service.routes.KeyValueBackend;
import dev.oktyv.system.service.routes.VaultDeleteRoute;
import dev.oktyv.system.service.routes.VaultGetRoute;
import dev.oktyv.system.service.routes.VaultPutRoute;
import dev.oktyv.system.vault.KdfParams;
import dev.oktyv.system.vault.NonceSource;
import dev.oktyv.system.vault.VaultManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engines {@code serve} runs with when nothing else is configured: a database (H2 in memory unless a URL is
 * given), a file store (a temp directory, the user's {@code --files DIR}, or an S3 prefix), a vault and a
 * GreenMail SMTP server on loopback; the temp directory is deleted by {@link #close()} (a user's directory or
 * bucket is left as it is). The vault passphrase is random, lives only in memory and is never printed.
 */
final class EmbeddedEngines implements AutoCloseable {

    /** The vault and key the bearer token is stored under, i.e. {@code vault:oktyv-service/token}. */
    static final String SERVICE_VAULT = "oktyv-service";
    static final String TOKEN_KEY = "token";
    static final String MAIL_FROM = "oktyv-service@service.invalid";
    /** The file the files health check writes and deletes; clients may not write it (or a directory of its name). */
    static final String HEALTH_PROBE_FILE = ".health-probe";

    private static final AtomicInteger H2_NUMBER = new AtomicInteger();
    private static final SecretResolver NO_SECRETS = ref -> {
        throw new IllegalStateException("the embedded engines use no secret references, got one for " + ref.vault());
    };

    private final Path tempDir;
    private final Secret passphrase;
    private final VaultManager vaults;
    private final VaultKeyValueBackend vaultBackend;
    private final DatabaseEngine db;
    private final ItemStoreOptions items;
    private final boolean embeddedH2;
    private final Path fileRoot;
    private final OpenedStore files;
    private final GreenMail greenMail;
    private final SmtpMailer mailer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final MetricsCollector metrics;

    private EmbeddedEngines(Path tempDir, Secret passphrase, VaultManager vaults, DatabaseEngine db,
                            ItemStoreOptions items, boolean embeddedH2, Path fileRoot, OpenedStore files,
                            GreenMail greenMail, MetricsCollector metrics) {
        this.metrics = metrics;
        this.tempDir = tempDir;
        this.passphrase = passphrase;
        this.vaults = vaults;
        this.vaultBackend = new VaultKeyValueBackend(vaults, passphrase);
        this.db = db;
        this.items = items;
        this.embeddedH2 = embeddedH2;
        this.fileRoot = fileRoot;
        this.files = files;
        this.greenMail = greenMail;
        this.mailer = new SmtpMailer(SmtpSettings.builder("127.0.0.1").port(greenMail.getSmtp().getPort())
                .tlsMode(TlsMode.NONE_LOOPBACK_ONLY).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).build(),
                // Pooled: reuse does not change what a send means, and saves a connect and EHLO per message.
                NO_SECRETS, Clock.systemUTC(), SmtpPoolConfig.defaults());
    }

    /**
     * Starts everything; on failure whatever was started is stopped and the temp directory removed.
     *
     * @param metrics the service's collector: the vaults' group-commit counters and the item cache's counts go
     *                there, so /metrics shows them
     */
    static EmbeddedEngines start(ServiceDatabase database, FileLocation fileLocation, MetricsCollector metrics)
            throws IOException {
        Path tempDir = Files.createTempDirectory("oktyv-serve-");
        Secret passphrase = ServiceToken.generate(new SecureRandom());
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Path vaultDir = Files.createDirectory(tempDir.resolve("vaults"));
            Path fileRoot = Files.createDirectory(tempDir.resolve("files"));
            OpenedStore files = fileLocation.open(fileRoot);
            started.add(files);
            VaultManager vaults = new VaultManager(vaultDir, KdfParams.defaults(), NonceSource.strong(), metrics);
            started.add(vaults);
            boolean h2 = database.jdbcUrl().isEmpty();
            String url = database.jdbcUrl()
                    .orElseGet(() -> "jdbc:h2:mem:oktyv-serve-" + H2_NUMBER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            DatabaseEngine db = DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl(url)
                    .connectionTimeout(database.connectionTimeout()).build(), NO_SECRETS);
            started.add(h2 ? () -> InMemoryH2.closeAndDrop(db, url) : db);
            GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            greenMail.start();
            started.add(greenMail::stop);
            return new EmbeddedEngines(tempDir, passphrase, vaults, db, database.items(), h2, fileRoot, files,
                    greenMail, metrics);
        } catch (IOException | RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                closeQuietly(started.get(i));
            }
            passphrase.destroy();
            deleteTree(tempDir);
            throw e;
        }
    }

    /** Engine routes; /health and /metrics are the caller's. */
    List<Route> routes() {
        DatabaseItemBackend items = new DatabaseItemBackend(db, this.items, metrics);
        // The health checks' names are refused to clients: writing them would mark the service DOWN.
        FileBackend fileBackend = new ReservedFiles(new FileStoreBackend(files.store()), Set.of(HEALTH_PROBE_FILE));
        KeyValueBackend vaultRoutesBackend = new ReservedVaults(vaultBackend, Set.of(SERVICE_VAULT));
        SmtpMailBackend mail = new SmtpMailBackend(mailer, MAIL_FROM);
        return List.of(new VaultGetRoute(vaultRoutesBackend), new VaultPutRoute(vaultRoutesBackend),
                new VaultDeleteRoute(vaultRoutesBackend), new DbGetItemRoute(items), new DbCreateItemRoute(items),
                new FileGetRoute(fileBackend), new FilePutRoute(fileBackend), new EmailSendRoute(mail));
    }

    /** Stores the token as {@code vault:oktyv-service/token}, so that load scenarios and scripts can resolve it. */
    TokenSink tokenSink() {
        return token -> vaultBackend.put(SERVICE_VAULT, TOKEN_KEY, token);
    }

    /**
     * Registers the health checks found through {@link HealthCheckProvider} (one per engine, plus any a plug-in jar
     * adds) against these engines. The database is critical unless item reads have a stale-serving fallback.
     */
    /**
     * The engines' checks (every {@link HealthCheckProvider} on the class path) and the user's from {@code --plugins}
     * (a provider found both ways is registered once).
     */
    void registerHealthChecks(HealthChecker health, List<HealthCheckProvider> extra) {
        HealthContext context = HealthContext.builder()
                .with(DatabaseDependency.class, new DatabaseDependency(db, items.readFallback()))
                .with(VaultDependency.class, new VaultDependency(vaultBackend, SERVICE_VAULT, TOKEN_KEY))
                .with(FileStoreDependency.class, new FileStoreDependency(files.store(), HEALTH_PROBE_FILE))
                .with(SmtpDependency.class, new SmtpDependency("127.0.0.1", greenMail.getSmtp().getPort()))
                .build();
        Set<Class<?>> seen = new HashSet<>();
        List<HealthCheckProvider> providers = new ArrayList<>();
        ServiceLoader.load(HealthCheckProvider.class, Thread.currentThread().getContextClassLoader())
                .forEach(p -> {
                    if (seen.add(p.getClass())) {
                        providers.add(p);
                    }
                });
        extra.stream().filter(p -> seen.add(p.getClass())).forEach(providers::add);
        providers.forEach(p -> p.create(context).ifPresent(health::register));
    }

    GreenMail greenMail() {
        return greenMail;
    }

    Path tempDir() {
        return tempDir;
    }

    /** The temp directory's file root; the store's only when it is the local default. */
    Path fileRoot() {
        return fileRoot;
    }

    /** One line naming where the files are (for the console). */
    String filesDescription() {
        return files.description();
    }

    /** Idempotent: the shutdown hook and the command's own cleanup may both call it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        vaultBackend.closeAll();
        closeQuietly(vaults);
        // DB_CLOSE_DELAY=-1 would keep the in-memory database for the life of the JVM: drop it, after the pool.
        closeQuietly(embeddedH2 ? () -> InMemoryH2.closeAndDrop(db, db.config().jdbcUrl()) : db);
        closeQuietly(mailer);
        closeQuietly(files);
        closeQuietly(greenMail::stop);
        passphrase.destroy();
        deleteTree(tempDir);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Shutting down: one engine failing to close must not keep the others open or the temp dir on disk.
        }
    }

    static void deleteTree(Path root) {
        try {
            DirectoryTree.delete(root);
        } catch (IOException e) {
            // Best effort: a temp directory left behind is not worth failing the shutdown for.
        }
    }
}
