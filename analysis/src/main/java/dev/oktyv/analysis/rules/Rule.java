package dev.oktyv.analysis.rules;

import java.util.List;

/**
 * One automated-analysis rule. A rule first checks that the data it needs exists and otherwise returns
 * {@link RuleResult#notApplicable}; it never stays silent.
 */
public interface Rule {

    String id();

    String title();

    List<Threshold> thresholds();

    RuleResult evaluate(AnalysisInput input);
}
