package com.example.checks;

import dev.oktyv.system.monitoring.health.CheckRegistration;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import dev.oktyv.system.monitoring.health.HealthContext;
import dev.oktyv.system.monitoring.health.HealthStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Health check: the temporary directory the engines write into has room left. DOWN below the minimum, DEGRADED
 * below four times the minimum (a full disk is an outage that announces itself).
 */
public final class TmpSpaceCheck implements HealthCheckProvider {

    static final long DEFAULT_MIN_BYTES = 16L * 1024 * 1024;

    private final Path dir;
    private final long minBytes;

    public TmpSpaceCheck() {
        this(Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_MIN_BYTES);
    }

    TmpSpaceCheck(Path dir, long minBytes) {
        this.dir = dir;
        this.minBytes = minBytes;
    }

    @Override
    public String name() {
        return "example-tmp-space";
    }

    /** Needs none of the engines, so it ignores the context; not critical: a nearly full disk degrades. */
    @Override
    public Optional<CheckRegistration> create(HealthContext context) {
        return Optional.of(new CheckRegistration(name(), Duration.ofSeconds(2), false, this::check));
    }

    public HealthStatus check() throws Exception {
        long usable = Files.getFileStore(dir).getUsableSpace();
        if (usable < minBytes) {
            return HealthStatus.DOWN;
        }
        return usable / 4 < minBytes ? HealthStatus.DEGRADED : HealthStatus.UP;
    }
}
