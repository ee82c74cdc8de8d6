package dev.oktyv.analysis.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule found, in the shape of a JDK Mission Control rule result.
 *
 * @param impactBound  an upper bound on what fixing it can gain, computed from the data ("frame X holds 41% of CPU
 *                     samples, so removing it can at best save 41%"); empty when nothing was found
 * @param notApplicable the reason the rule could not run ("no allocation samples in this run"), empty when it ran
 */
public record RuleResult(String ruleId, String title, Severity severity, String summary, List<Evidence> evidence,
                         String explanation, String fix, Optional<String> impactBound, List<Threshold> thresholds,
                         Optional<String> notApplicable) {

    public RuleResult {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
        thresholds = List.copyOf(thresholds);
        Objects.requireNonNull(impactBound, "impactBound");
        Objects.requireNonNull(notApplicable, "notApplicable");
    }

    public static RuleResult notApplicable(Rule rule, String reason) {
        return new RuleResult(rule.id(), rule.title(), Severity.OK, "not applicable: " + reason, List.of(), "", "",
                Optional.empty(), rule.thresholds(), Optional.of(reason));
    }

    public boolean applicable() {
        return notApplicable.isEmpty();
    }
}
