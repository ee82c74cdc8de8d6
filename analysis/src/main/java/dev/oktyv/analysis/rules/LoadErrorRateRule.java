package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.LoadEvidence;
import java.util.List;
import java.util.Locale;

/** Share of failed requests in a load scenario. */
public final class LoadErrorRateRule implements Rule {

    static final double WARNING = 0.001;
    static final double CRITICAL = 0.01;

    @Override
    public String id() {
        return "load-error-rate";
    }

    @Override
    public String title() {
        return "Load: error rate";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("error rate warning", WARNING * 100, "%"), new Threshold("error rate critical", CRITICAL * 100, "%"));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "no failed requests");
        boolean any = false;
        for (LoadEvidence l : input.loads()) {
            if (!(l.requests() > 0) || Double.isNaN(l.errors())) {
                continue;
            }
            any = true;
            double rate = l.errors() / l.requests();
            f.evidence(new Evidence(l.scenarioId(), "error rate", rate * 100, "%", l.source()));
            f.observe(Finding.grade(rate, WARNING, CRITICAL),
                    String.format(Locale.ROOT, "%s: %.0f of %.0f requests failed (%.2f%%)", l.scenarioId(), l.errors(), l.requests(), rate * 100),
                    String.format(Locale.ROOT, "fixing the failures can at best recover %.2f%% of requests in %s", rate * 100, l.scenarioId()));
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no load scenario with request and error counts in this run");
        }
        return f.result("Errors under load are often timeouts or pool exhaustion that do not appear at low rates.",
                "Read the errors by kind in summary.json; raise pool sizes or timeouts only after finding the saturated resource.");
    }
}
