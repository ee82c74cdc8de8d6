package dev.oktyv.system.service.health;

import dev.oktyv.system.monitoring.health.CheckRegistration;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import dev.oktyv.system.monitoring.health.HealthContext;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.secret.Secret;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code vault}: decrypts the entry named by the {@link VaultDependency}: the vault file exists, opens with the
 * passphrase and authenticates. A missing entry is DOWN too: the service wrote it at start, so it was lost.
 */
public final class VaultHealthCheck implements HealthCheckProvider {

    static final Duration DEADLINE = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "vault";
    }

    @Override
    public Optional<CheckRegistration> create(HealthContext context) {
        return context.get(VaultDependency.class).map(v -> new CheckRegistration(name(), DEADLINE, true, () -> {
            try (Secret s = v.vaults().get(v.vault(), v.key()).orElse(null)) {
                return s != null && s.length() > 0 ? HealthStatus.UP : HealthStatus.DOWN;
            }
        }));
    }
}
