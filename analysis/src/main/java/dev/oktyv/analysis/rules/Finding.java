package dev.oktyv.analysis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Accumulates a rule's result across workloads: the worst severity wins, and the summary and impact come from
 * the worst workload.
 */
final class Finding {

    private final Rule rule;
    private final List<Evidence> evidence = new ArrayList<>();
    private Severity severity = Severity.OK;
    private String summary;
    private String impact;

    Finding(Rule rule, String okSummary) {
        this.rule = rule;
        this.summary = okSummary;
    }

    Finding evidence(Evidence e) {
        evidence.add(e);
        return this;
    }

    /** Records one workload's outcome; it becomes the headline if it is strictly worse than what we have. */
    Finding observe(Severity s, String workloadSummary, String workloadImpact) {
        if (s.compareTo(severity) > 0 || (s == severity && impact == null && s != Severity.OK)) {
            severity = s;
            summary = workloadSummary;
            impact = workloadImpact;
        }
        return this;
    }

    Severity severity() {
        return severity;
    }

    RuleResult result(String explanation, String fix) {
        return new RuleResult(rule.id(), rule.title(), severity, summary, evidence, explanation, fix,
                Optional.ofNullable(impact), rule.thresholds(), Optional.empty());
    }

    static Severity grade(double value, double warning, double critical) {
        if (value >= critical) {
            return Severity.CRITICAL;
        }
        return value >= warning ? Severity.WARNING : Severity.OK;
    }
}
