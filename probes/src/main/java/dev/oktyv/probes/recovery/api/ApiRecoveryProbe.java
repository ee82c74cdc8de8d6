package dev.oktyv.probes.recovery.api;

import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.results.recovery.ProbeOutcome;
import java.util.Optional;

/** Base of the API client's recovery probes: they find the {@link ApiTarget} or report not-run, then attack it. */
abstract class ApiRecoveryProbe implements RecoveryProbe {

    @Override
    public final ProbeOutcome run(RecoveryTargets targets) throws Exception {
        Optional<ApiTarget> target = targets.get(ApiTarget.class);
        if (target.isEmpty()) {
            return ProbeOutcome.notRun(id(), title(), "no API target configured");
        }
        return attack(target.get());
    }

    /** The probe itself, against the engine {@code target} opens. */
    abstract ProbeOutcome attack(ApiTarget target) throws Exception;
}
