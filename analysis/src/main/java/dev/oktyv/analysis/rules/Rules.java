package dev.oktyv.analysis.rules;

import java.util.List;

/** The registry: adding a rule means writing its class and listing it here. */
public final class Rules {

    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(new CpuHotMethodsRule(), new AllocationRule(), new GcRule(), new LockContentionRule(),
                new ExceptionRateRule(), new IoRule(), new LatencyKneeRule(), new LoadErrorRateRule(),
                new DroppedStartsRule(), new CoordinatedOmissionGapRule(), new PairedVariantRule());
    }

    /** Runs every rule; results are sorted worst first, not-applicable last. */
    public static List<RuleResult> evaluate(AnalysisInput input) {
        return all().stream().map(r -> r.evaluate(input))
                .sorted(java.util.Comparator.comparing((RuleResult r) -> !r.applicable())
                        .thenComparing(RuleResult::severity, java.util.Comparator.reverseOrder()))
                .toList();
    }
}
