package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.LoadEvidence;
import java.util.List;
import java.util.Locale;

/** Requests the open-model load generator could not start on schedule: the offered rate was not really offered. */
public final class DroppedStartsRule implements Rule {

    static final double CRITICAL = 0.01;

    @Override
    public String id() {
        return "load-dropped-starts";
    }

    @Override
    public String title() {
        return "Load: dropped starts";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("dropped share warning (any)", 0, "%"), new Threshold("dropped share critical", CRITICAL * 100, "%"));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "every scheduled request started");
        boolean any = false;
        for (LoadEvidence l : input.loads()) {
            if (Double.isNaN(l.droppedStarts()) || Double.isNaN(l.requests())) {
                continue;
            }
            any = true;
            double scheduled = l.requests() + l.droppedStarts();
            double share = scheduled == 0 ? 0 : l.droppedStarts() / scheduled;
            f.evidence(new Evidence(l.scenarioId(), "dropped starts", l.droppedStarts(), "requests", l.source()));
            Severity s = share >= CRITICAL ? Severity.CRITICAL : l.droppedStarts() > 0 ? Severity.WARNING : Severity.OK;
            f.observe(s, String.format(Locale.ROOT, "%s: %.0f of %.0f scheduled requests were dropped (%.2f%%)",
                            l.scenarioId(), l.droppedStarts(), scheduled, share * 100),
                    String.format(Locale.ROOT, "the measured latency of %s covers only %.2f%% of the intended load",
                            l.scenarioId(), 100 - share * 100));
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no load scenario with dropped-start counts in this run");
        }
        return f.result("When the generator cannot keep up (too few workers, a saturated client), the system under test"
                        + " sees less load than asked for and the results look better than they are.",
                "Give the load generator more concurrency or a separate machine, or lower the target rate.");
    }
}
