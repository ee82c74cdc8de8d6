package dev.oktyv.analysis.rules;

import java.util.List;

/** The registry: adding a rule means writing its class and listing it here. */
public final class Rules {

    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(new CpuHotMethodsRule(), new AllocationRule(), new GcRule(), new LockContentionRule(),
                new ExceptionRateRule(), new IoRule(), new OffCpuRule(), new LatencyKneeRule(), new LoadErrorRateRule(),
                new DroppedStartsRule(), new CoordinatedOmissionGapRule(), new PairedVariantRule());
    }

    /** The rules that read profiles and JFR recordings only: what {@code analyze FILE.jfr} runs. */
    public static List<Rule> profileBased() {
        return List.of(new CpuHotMethodsRule(), new AllocationRule(), new GcRule(), new LockContentionRule(),
                new ExceptionRateRule(), new IoRule(), new OffCpuRule());
    }

    /** Runs every rule; results are sorted worst first, not-applicable last. */
    public static List<RuleResult> evaluate(AnalysisInput input) {
        return evaluate(input, all());
    }

    /** Runs {@code rules}; results are sorted worst first, not-applicable last. */
    public static List<RuleResult> evaluate(AnalysisInput input, List<Rule> rules) {
        return rules.stream().map(r -> r.evaluate(input))
                .sorted(java.util.Comparator.comparing((RuleResult r) -> !r.applicable())
                        .thenComparing(RuleResult::severity, java.util.Comparator.reverseOrder()))
                .toList();
    }
}
