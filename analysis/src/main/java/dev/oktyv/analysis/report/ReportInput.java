package dev.oktyv.analysis.report;

import dev.oktyv.results.profile.ProfileInventory;
import dev.oktyv.analysis.compare.Comparison;
import dev.oktyv.analysis.latency.LatencyLog;
import dev.oktyv.analysis.model.Run;
import dev.oktyv.analysis.rules.RuleResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one report shows. */
public record ReportInput(Run run, Optional<Comparison> comparison, List<RuleResult> recommendations,
                          ProfileInventory profiles, Map<String, LatencyLog> latencyByScenario) {

    public ReportInput {
        recommendations = List.copyOf(recommendations);
        latencyByScenario = Map.copyOf(latencyByScenario);
    }
}
