package dev.oktyv.bench.security;

import dev.oktyv.bench.filestore.FileLocation;
import dev.oktyv.bench.filestore.S3Settings;
import dev.oktyv.bench.serve.EmbeddedService;
import dev.oktyv.bench.serve.ServiceDatabase;
import dev.oktyv.probes.security.s3.EngineS3Target;
import dev.oktyv.probes.security.s3.S3Target;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.api.ApiTarget;
import dev.oktyv.probes.security.api.EngineApiTarget;
import dev.oktyv.probes.security.api.EngineTokenStoreTarget;
import dev.oktyv.probes.security.api.SecretScanTarget;
import dev.oktyv.probes.security.api.TokenStoreTarget;
import dev.oktyv.probes.security.database.DatabaseTarget;
import dev.oktyv.probes.security.database.EngineDatabase;
import dev.oktyv.probes.security.email.EmailTarget;
import dev.oktyv.probes.security.email.EngineEmailTarget;
import dev.oktyv.probes.security.file.EngineFileTarget;
import dev.oktyv.probes.security.file.FileTarget;
import dev.oktyv.probes.security.vault.EngineVaultTarget;
import dev.oktyv.probes.security.vault.VaultTarget;
import dev.oktyv.probes.security.general.AdvisorySource;
import dev.oktyv.probes.security.general.DependencyTarget;
import dev.oktyv.probes.security.general.EnvironmentTarget;
import dev.oktyv.probes.security.service.ServiceTarget;
import dev.oktyv.probes.security.service.TokenCheckTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.BearerAuth;
import dev.oktyv.system.service.ServiceOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The real targets of a security run, built for the selected categories only (no service is started for a
 * {@code --category general} run), and closed together afterwards.
 */
final class SecurityTargets implements AutoCloseable {

    private final SecurityTarget target;
    private final List<AutoCloseable> resources;

    private SecurityTargets(SecurityTarget target, List<AutoCloseable> resources) {
        this.target = target;
        this.resources = resources;
    }

    SecurityTarget target() {
        return target;
    }

    /**
     * @param external   {@code --target-url} with its token, or empty to start the service in process
     * @param advisories the advisory source for the dependency probes
     * @param s3         {@code --files s3://…}: the S3 probes attack that bucket, and the in-process service's file
     *                   routes store there (so the file-route probes run against S3 too)
     */
    static SecurityTargets build(Set<SecurityCategory> categories, Optional<External> external,
                                 AdvisorySource advisories, Map<String, String> environment, Path scratch,
                                 Clock clock, Optional<S3Settings> s3) throws IOException {
        SecurityTarget.Builder b = SecurityTarget.builder().scratchDir(scratch).clock(clock);
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            if (categories.contains(SecurityCategory.SERVICE)) {
                if (external.isPresent()) {
                    b.with(ServiceTarget.class, new ServiceTarget(external.get().uri(), external.get().token()));
                    resources.add(external.get().token());
                } else {
                    EmbeddedService service = EmbeddedService.startWith(ServiceOptions.defaults(),
                            ServiceDatabase.of(null), List.of(), s3.<FileLocation>map(FileLocation.S3::new)
                                    .orElse(FileLocation.localDefault()));
                    resources.add(service);
                    b.with(ServiceTarget.class, new ServiceTarget(service.uri(), service.token()));
                    // In process, the class that compares tokens can be inspected.
                    b.with(TokenCheckTarget.class, new TokenCheckTarget(BearerAuth.class));
                }
            }
            if (categories.contains(SecurityCategory.GENERAL)) {
                b.with(DependencyTarget.class, DependencyTarget.onClassPath(advisories));
                b.with(EnvironmentTarget.class, new EnvironmentTarget(environment));
            }
            if (categories.contains(SecurityCategory.API)) {
                b.with(ApiTarget.class, new EngineApiTarget());
                b.with(TokenStoreTarget.class, EngineTokenStoreTarget.defaults());
                b.with(SecretScanTarget.class, SecretScanTarget.ownClassPath(System.getProperty("java.class.path"),
                        java.io.File.pathSeparator));
            }
            // The engine categories: the real engines with their shipped defaults, over the scratch directory.
            if (categories.contains(SecurityCategory.VAULT)) {
                b.with(VaultTarget.class, EngineVaultTarget.defaults());
            }
            if (categories.contains(SecurityCategory.DATABASE)) {
                b.with(DatabaseTarget.class, DatabaseTarget.of(EngineDatabase.configured(environment)));
            }
            if (categories.contains(SecurityCategory.FILE)) {
                b.with(FileTarget.class, new EngineFileTarget());
                if (s3.isPresent()) {
                    S3Settings.VaultCredentialsHandle credentials = s3.get().openCredentials();
                    resources.add(credentials);
                    b.with(S3Target.class, new EngineS3Target(s3.get().config(), credentials.resolver()));
                }
            }
            if (categories.contains(SecurityCategory.EMAIL)) {
                b.with(EmailTarget.class, EngineEmailTarget.defaults());
            }
            return new SecurityTargets(b.build(), resources);
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** A service at {@code --target-url}. */
    record External(URI uri, Secret token) {
        @Override
        public String toString() {
            return "External[" + uri + "]";
        }
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("warning: could not close " + resources.get(i).getClass().getSimpleName() + ": "
                        + e.getMessage());
            }
        }
    }
}
