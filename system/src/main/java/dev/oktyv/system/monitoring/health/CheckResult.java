package dev.oktyv.system.monitoring.health;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one check in one run.
 *
 * @param failure why the check is not UP when it failed, timed out or was skipped; empty when it returned normally
 * @param error   the detail (exception message, or the timeout); may name internals, so it is for operators and
 *                logs, not for unauthenticated callers
 */
public record CheckResult(String name, HealthStatus status, boolean critical, Duration duration,
                          Optional<FailureKind> failure, Optional<String> error) {

    /** Why a check has no status of its own. */
    public enum FailureKind {
        /** It threw. */
        EXCEPTION,
        /** It did not finish within its timeout and was cancelled. */
        TIMEOUT,
        /** Its previous run is still going (it ignored cancellation), so it was not started again. */
        STILL_RUNNING
    }

    /** The status this check contributes to the aggregate: a non-critical check can at worst degrade it. */
    public HealthStatus contribution() {
        return !critical && status == HealthStatus.DOWN ? HealthStatus.DEGRADED : status;
    }
}
