package dev.oktyv.probes.recovery;

import dev.oktyv.results.recovery.ProbeOutcome;

/**
 * One recovery check: it injects a real fault (through the {@code proxy} package, a server stop or a SIGKILL)
 * and judges recovery from what the engine itself reports: its retry waits through the injected
 * {@code Sleeper}, its {@code ApiResponse.attempts}, its breaker transitions through {@code BreakerListener}, its
 * pool state through {@code HealthStatus.PoolStats}; never from the probe's own counting of attempts.
 *
 * <p>One small class per probe, listed in {@code META-INF/services/dev.oktyv.probes.recovery.RecoveryProbe}, so a
 * user adds a probe for their own system by putting a jar on the class path. A probe looks up the target it
 * needs with {@link RecoveryTargets#get}; when it is absent it returns {@link ProbeOutcome#notRun} with the
 * reason. The runner gives each probe a deadline.
 */
public interface RecoveryProbe {

    /** Stable id, lower case with hyphens, e.g. {@code circuit-breaker}. */
    String id();

    /** The console heading, e.g. {@code Circuit Breaker} ("💥 Testing Circuit Breaker"). */
    String title();

    ProbeOutcome run(RecoveryTargets targets) throws Exception;
}
