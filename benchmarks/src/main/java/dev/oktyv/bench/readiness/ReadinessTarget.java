package dev.oktyv.bench.readiness;

import dev.oktyv.bench.load.scenario.http.ServiceTarget;
import dev.oktyv.probes.recovery.service.RemoteService;
import dev.oktyv.probes.remote.TargetUrl;
import dev.oktyv.system.secret.Secret;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code readiness --target-url URL --target-token-file FILE}: the user's running Oktyv service, which the load,
 * monitoring, security (service probes) and recovery (service probes) phases address instead of an embedded one.
 * Each phase gets its own copy of the token, because the phases wipe what they were given when they end; this
 * one is wiped by {@link #close()}.
 */
record ReadinessTarget(TargetUrl url, Secret token) implements AutoCloseable {

    ReadinessTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
    }

    /** A copy of the token for a phase that wipes it at its end. */
    Secret tokenCopy() {
        char[] value = token.reveal();
        try {
            return Secret.of(value);
        } finally {
            Arrays.fill(value, '\0');
        }
    }

    ServiceTarget loadTarget() {
        return ServiceTarget.of(url.base().toString(), tokenCopy());
    }

    RemoteService recoveryTarget() {
        return RemoteService.of(url.base().toString(), tokenCopy());
    }

    @Override
    public void close() {
        token.destroy();
    }

    @Override
    public String toString() {
        return "ReadinessTarget[" + url + "]";
    }
}
