package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.analysis.model.FrameHistogram.FrameShare;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Hot methods by self time (leaf frames) and by total time (frames anywhere on the stack), per workload. A hot method
 * is a place to look, not a defect (a microbenchmark is supposed to spend its time in the measured code), so this rule
 * stops at WARNING.
 */
public final class CpuHotMethodsRule implements Rule {

    static final double INFO_SELF = 0.20;
    static final double WARNING_SELF = 0.50;
    static final int MIN_SAMPLES = 50;
    /**
     * Frames on nearly every stack are not "hot methods": beyond the known ones ({@link StructuralFrames}), any frame
     * above this share is left out too.
     */
    static final double ROOT_SHARE = 0.95;

    @Override
    public String id() {
        return "cpu-hot-methods";
    }

    @Override
    public String title() {
        return "CPU: hot methods";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("self share info", INFO_SELF * 100, "%"),
                new Threshold("self share warning", WARNING_SELF * 100, "%"),
                new Threshold("minimum samples", MIN_SAMPLES, "samples"));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "no single method dominates CPU time");
        boolean any = false;
        for (WorkloadProfile p : input.profiles()) {
            Optional<FrameHistogram> cpu = p.cpu();
            if (cpu.isEmpty() || cpu.get().total() < MIN_SAMPLES) {
                continue;
            }
            any = true;
            FrameHistogram h = cpu.get();
            List<FrameShare> self = h.topSelf(3);
            for (FrameShare s : self) {
                f.evidence(new Evidence(p.workloadId(), "self CPU share of " + s.frame(), s.share() * 100, "%", h.sources().get(0)));
            }
            for (FrameShare s : h.topInclusive(3, ROOT_SHARE, StructuralFrames::isStructural)) {
                f.evidence(new Evidence(p.workloadId(), "total CPU share of " + s.frame(), s.share() * 100, "%", h.sources().get(0)));
            }
            FrameShare top = self.get(0);
            Severity s = top.share() >= WARNING_SELF ? Severity.WARNING : top.share() >= INFO_SELF ? Severity.INFO : Severity.OK;
            f.observe(s,
                    String.format(Locale.ROOT, "%s holds %.1f%% of CPU samples (self) in %s", top.frame(), top.share() * 100, p.workloadId()),
                    String.format(Locale.ROOT, "frame %s holds %.1f%% of %.0f CPU samples in %s, so removing it can at best save %.1f%% of CPU time",
                            top.frame(), top.share() * 100, h.total(), p.workloadId(), top.share() * 100));
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no CPU samples (async-profiler cpu or JFR jdk.ExecutionSample) with at least "
                    + MIN_SAMPLES + " samples in this run");
        }
        return f.result("Self time is spent in the method itself; total time includes its callees. A method with a large"
                        + " self share is where instructions are burned; a large total share marks the call path to look at.",
                "Open the CPU flame graph of the workload; reduce the work in the top self frame (algorithm, caching,"
                        + " avoiding repeated conversions) or call it less often from the top total frame.");
    }
}
