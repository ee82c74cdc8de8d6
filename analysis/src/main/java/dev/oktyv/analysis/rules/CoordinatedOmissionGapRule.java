package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.LoadEvidence;
import java.util.List;
import java.util.Locale;

/** A large gap between corrected (from intended start) and service (from actual start) p99 means stalls. */
public final class CoordinatedOmissionGapRule implements Rule {

    static final double WARNING_RATIO = 2;
    static final double CRITICAL_RATIO = 10;

    @Override
    public String id() {
        return "load-corrected-gap";
    }

    @Override
    public String title() {
        return "Load: corrected vs uncorrected latency";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("corrected/service p99 warning", WARNING_RATIO, "x"),
                new Threshold("corrected/service p99 critical", CRITICAL_RATIO, "x"));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "corrected and service latency agree: no stalls");
        boolean any = false;
        for (LoadEvidence l : input.loads()) {
            if (!(l.correctedP99Nanos() > 0) || !(l.serviceP99Nanos() > 0)) {
                continue;
            }
            any = true;
            double ratio = l.correctedP99Nanos() / l.serviceP99Nanos();
            f.evidence(new Evidence(l.scenarioId(), "corrected p99", l.correctedP99Nanos() / 1e6, "ms", l.source()))
                    .evidence(new Evidence(l.scenarioId(), "service p99", l.serviceP99Nanos() / 1e6, "ms", l.source()));
            f.observe(Finding.grade(ratio, WARNING_RATIO, CRITICAL_RATIO),
                    String.format(Locale.ROOT, "%s: corrected p99 %.2f ms is %.1f× the service p99 %.2f ms",
                            l.scenarioId(), l.correctedP99Nanos() / 1e6, ratio, l.serviceP99Nanos() / 1e6),
                    String.format(Locale.ROOT, "removing the stalls can at best bring p99 of %s from %.2f ms down to %.2f ms",
                            l.scenarioId(), l.correctedP99Nanos() / 1e6, l.serviceP99Nanos() / 1e6));
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no latency.hlog with both corrected and service histograms in this run");
        }
        return f.result("Service time starts when a request actually starts; corrected time starts when it should have."
                        + " The difference is queueing behind stalls (GC pauses, saturated pools), which a closed-loop"
                        + " measurement would hide (coordinated omission).",
                "Find the stall: check the GC and lock rules for the same period, pool sizes, and queue lengths.");
    }
}
