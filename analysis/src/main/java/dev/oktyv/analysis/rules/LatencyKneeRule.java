package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.LoadEvidence;
import dev.oktyv.analysis.model.LoadEvidence.StressStep;
import dev.oktyv.results.load.StressLevel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The knee of a stress run (see {@link StressKnee}): the first step, by level, where p99 exceeds
 * {@value StressKnee#P99_FACTOR}× the p99 of the lowest step, or where the load stopped being absorbed. For rate
 * steps that is an achieved rate below {@value StressKnee#ACHIEVED_SHARE} of the offered rate; for concurrency steps
 * (workers, which offer no rate) a throughput gain below {@value StressKnee#MIN_SCALING_SHARE} of what linear
 * scaling from the previous step would give, i.e. saturation.
 */
public final class LatencyKneeRule implements Rule {

    static final int MIN_STEPS = 3;
    /** Throughput unit of every step: completed operations per second, whatever the level kind. */
    private static final String THROUGHPUT_UNIT = "ops/s";

    @Override
    public String id() {
        return "load-knee";
    }

    @Override
    public String title() {
        return "Load: latency knee";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("p99 growth over the lowest step", StressKnee.P99_FACTOR, "x"),
                new Threshold("achieved / offered rate", StressKnee.ACHIEVED_SHARE * 100, "%"),
                new Threshold("throughput gain / linear-scaling gain between concurrency steps",
                        StressKnee.MIN_SCALING_SHARE * 100, "%"),
                new Threshold("minimum steps", MIN_STEPS, "steps"));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "no latency knee within the tested " + levelNoun(input));
        boolean any = false;
        for (LoadEvidence l : input.loads()) {
            if (l.steps().size() < MIN_STEPS) {
                continue;
            }
            any = true;
            List<StressStep> steps = StressKnee.byLevel(l.steps());
            Optional<StressKnee> knee = StressKnee.find(steps);
            // Evidence stops at the knee: the steps beyond it only confirm it.
            List<StressStep> shown = knee.map(k -> steps.subList(0, steps.indexOf(k.knee()) + 1)).orElse(steps);
            boolean concurrency = steps.get(0).level().kind() == StressLevel.Kind.CONCURRENCY;
            for (StressStep s : shown) {
                f.evidence(new Evidence(l.scenarioId() + " " + s.name(), "p99 at " + s.level().label(), s.p99Nanos() / 1e6,
                        "ms", s.source()));
                if (concurrency) {
                    f.evidence(new Evidence(l.scenarioId() + " " + s.name(), "throughput at " + s.level().label(),
                            s.achievedRate(), THROUGHPUT_UNIT, s.source()));
                }
            }
            if (concurrency) {
                observeConcurrency(f, l.scenarioId(), steps, knee);
            } else {
                observeRate(f, l.scenarioId(), steps, knee);
            }
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no stress run with at least " + MIN_STEPS + " steps in this run");
        }
        return f.result("Below saturation, latency is flat; at the knee queues start to build and p99 grows quickly."
                        + " With a fixed number of workers (concurrency steps) saturation shows as throughput that stops"
                        + " growing with more workers: each added worker then only waits in a queue.",
                "Plan capacity below the knee; to move it, find the saturated resource at that step (CPU, pool, lock).");
    }

    /** What the stress runs varied, for the summary when none has a knee: rates, worker counts or both. */
    private static String levelNoun(AnalysisInput input) {
        Set<StressLevel.Kind> kinds = input.loads().stream().filter(l -> l.steps().size() >= MIN_STEPS)
                .map(l -> l.steps().get(0).level().kind()).collect(Collectors.toSet());
        if (!kinds.contains(StressLevel.Kind.CONCURRENCY)) {
            return "rates";
        }
        return kinds.contains(StressLevel.Kind.RATE) ? "rates and worker counts" : "worker counts";
    }

    private static void observeRate(Finding f, String scenario, List<StressStep> steps, Optional<StressKnee> found) {
        if (found.isEmpty()) {
            f.observe(Severity.OK, String.format(Locale.ROOT, "%s: p99 stays within %.0f× up to %s", scenario,
                    StressKnee.P99_FACTOR, steps.get(steps.size() - 1).level().label()), null);
            return;
        }
        StressKnee k = found.get();
        f.observe(Severity.WARNING, String.format(Locale.ROOT, "%s: latency knee at %s (p99 %.2f ms, %.1f× the lowest step;"
                                + " achieved %.0f/s)", scenario, k.knee().level().label(), k.knee().p99Nanos() / 1e6,
                        k.p99Growth(), k.knee().achievedRate()),
                String.format(Locale.ROOT, "the highest rate that kept p99 near its floor was %.0f/s achieved; beyond it"
                        + " latency grows %.1f×", k.lastGood().achievedRate(), k.p99Growth()));
    }

    private static void observeConcurrency(Finding f, String scenario, List<StressStep> steps, Optional<StressKnee> found) {
        if (found.isEmpty()) {
            f.observe(Severity.OK, String.format(Locale.ROOT, "%s: p99 stays within %.0f× and throughput keeps scaling"
                    + " up to %s", scenario, StressKnee.P99_FACTOR, steps.get(steps.size() - 1).level().label()), null);
            return;
        }
        StressKnee k = found.get();
        StressStep knee = k.knee();
        StressStep good = k.lastGood();
        boolean saturated = k.reason() == StressKnee.Reason.SATURATED;
        String why = saturated
                ? String.format(Locale.ROOT, "throughput %.0f %s, %.0f%% of the linear gain over %s", knee.achievedRate(),
                        THROUGHPUT_UNIT, StressKnee.scalingShare(good, knee) * 100, good.level().label())
                : String.format(Locale.ROOT, "throughput %.0f %s", knee.achievedRate(), THROUGHPUT_UNIT);
        String impact = saturated
                ? String.format(Locale.ROOT, "throughput stopped scaling after %s (%.0f %s); workers beyond that only"
                                + " queue: p99 is %.1f× the lowest step's at %s", good.level().label(), good.achievedRate(),
                        THROUGHPUT_UNIT, k.p99Growth(), knee.level().label())
                : String.format(Locale.ROOT, "the highest concurrency that kept p99 near its floor was %s (%.0f %s);"
                                + " at %s latency grows %.1f×", good.level().label(), good.achievedRate(), THROUGHPUT_UNIT,
                        knee.level().label(), k.p99Growth());
        f.observe(Severity.WARNING, String.format(Locale.ROOT, "%s: latency knee at %s (p99 %.2f ms, %.1f× the lowest step; %s)",
                scenario, knee.level().label(), knee.p99Nanos() / 1e6, k.p99Growth(), why), impact);
    }
}
