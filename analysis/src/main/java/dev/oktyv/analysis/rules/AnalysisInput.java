package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.LoadEvidence;
import dev.oktyv.analysis.model.Run;
import java.util.List;
import java.util.Objects;

/** Everything the rules may look at for one run. */
public record AnalysisInput(Run run, List<WorkloadProfile> profiles, List<LoadEvidence> loads) {

    public AnalysisInput {
        Objects.requireNonNull(run, "run");
        profiles = List.copyOf(profiles);
        loads = List.copyOf(loads);
    }
}
