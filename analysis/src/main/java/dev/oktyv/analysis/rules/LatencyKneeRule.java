package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.LoadEvidence;
import dev.oktyv.analysis.model.LoadEvidence.StressStep;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The knee of a stress run: the first step (by offered rate) where p99 exceeds {@value #P99_FACTOR}× the p99 of
 * the lowest step, or the achieved rate falls below {@value #ACHIEVED_SHARE} of the offered rate.
 */
public final class LatencyKneeRule implements Rule {

    static final double P99_FACTOR = 3;
    static final double ACHIEVED_SHARE = 0.9;
    static final int MIN_STEPS = 3;

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
        return List.of(new Threshold("p99 growth over the lowest step", P99_FACTOR, "x"),
                new Threshold("achieved / offered rate", ACHIEVED_SHARE * 100, "%"),
                new Threshold("minimum steps", MIN_STEPS, "steps"));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "no knee within the tested rates");
        boolean any = false;
        for (LoadEvidence l : input.loads()) {
            if (l.steps().size() < MIN_STEPS) {
                continue;
            }
            any = true;
            List<StressStep> steps = l.steps().stream().sorted(Comparator.comparingDouble(StressStep::offeredRate)).toList();
            double baseP99 = steps.get(0).p99Nanos();
            StressStep knee = null;
            StressStep lastGood = steps.get(0);
            for (StressStep s : steps) {
                f.evidence(new Evidence(l.scenarioId() + " " + s.name(), "p99 at " + Math.round(s.offeredRate()) + "/s offered",
                        s.p99Nanos() / 1e6, "ms", s.source()));
                if (s.p99Nanos() > P99_FACTOR * baseP99 || s.achievedRate() < ACHIEVED_SHARE * s.offeredRate()) {
                    knee = s;
                    break;
                }
                lastGood = s;
            }
            if (knee == null) {
                f.observe(Severity.OK, String.format(Locale.ROOT, "%s: p99 stays within %.0f× up to %.0f/s offered",
                        l.scenarioId(), P99_FACTOR, steps.get(steps.size() - 1).offeredRate()), null);
                continue;
            }
            f.observe(Severity.WARNING, String.format(Locale.ROOT, "%s: knee at %.0f/s offered (p99 %.2f ms, %.1f× the"
                                    + " lowest step; achieved %.0f/s)", l.scenarioId(), knee.offeredRate(), knee.p99Nanos() / 1e6,
                            knee.p99Nanos() / baseP99, knee.achievedRate()),
                    String.format(Locale.ROOT, "the highest rate that kept p99 near its floor was %.0f/s achieved; beyond it"
                            + " latency grows %.1f×", lastGood.achievedRate(), knee.p99Nanos() / baseP99));
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no stress run with at least " + MIN_STEPS + " steps in this run");
        }
        return f.result("Below saturation, latency is flat; at the knee queues start to build and p99 grows quickly.",
                "Plan capacity below the knee; to move it, find the saturated resource at that step (CPU, pool, lock).");
    }
}
