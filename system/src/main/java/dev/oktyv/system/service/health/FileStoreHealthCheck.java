package dev.oktyv.system.service.health;

import dev.oktyv.system.monitoring.health.CheckRegistration;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import dev.oktyv.system.monitoring.health.HealthContext;
import dev.oktyv.system.monitoring.health.HealthStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code files}: writes and deletes the probe file. Writable means a write succeeds: permissions alone miss a full
 * or read-only file system.
 */
public final class FileStoreHealthCheck implements HealthCheckProvider {

    static final Duration DEADLINE = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "files";
    }

    @Override
    public Optional<CheckRegistration> create(HealthContext context) {
        return context.get(FileStoreDependency.class).map(f -> new CheckRegistration(name(), DEADLINE, true, () -> {
            f.files().write(f.probeFile(), new byte[] {1});
            return f.files().delete(f.probeFile()) ? HealthStatus.UP : HealthStatus.DOWN;
        }));
    }
}
