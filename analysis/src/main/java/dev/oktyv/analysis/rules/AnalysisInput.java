package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.LoadEvidence;
import dev.oktyv.analysis.model.Run;
import java.util.List;
import java.util.Objects;

/** Everything the rules may look at for one run. */
public record AnalysisInput(Run run, List<WorkloadProfile> profiles, List<LoadEvidence> loads,
                            List<DeclaredPair> declaredPairs) {

    public AnalysisInput {
        Objects.requireNonNull(run, "run");
        profiles = List.copyOf(profiles);
        loads = List.copyOf(loads);
        declaredPairs = List.copyOf(declaredPairs);
    }

    public AnalysisInput(Run run, List<WorkloadProfile> profiles, List<LoadEvidence> loads) {
        this(run, profiles, loads, List.of());
    }

    /** The same input with the pairings the user declared ({@code analyze --pair}). */
    public AnalysisInput withDeclaredPairs(List<DeclaredPair> pairs) {
        return new AnalysisInput(run, profiles, loads, pairs);
    }
}
