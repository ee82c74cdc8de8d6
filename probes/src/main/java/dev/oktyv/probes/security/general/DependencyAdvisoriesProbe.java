package dev.oktyv.probes.security.general;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Matches every component of the SBOM against the OSV advisories with Maven's own version ordering. Two probes
 * share this: one for the advisories rated CRITICAL or HIGH (a critical probe: such a dependency makes the suite
 * not ready), one for the rest.
 */
abstract class DependencyAdvisoriesProbe implements SecurityProbe {

    private final Set<String> advisorySeverities;

    DependencyAdvisoriesProbe(Set<String> advisorySeverities) {
        this.advisorySeverities = advisorySeverities;
    }

    @Override
    public final SecurityCategory category() {
        return SecurityCategory.GENERAL;
    }

    @Override
    public final String fix() {
        return "Upgrade each listed dependency to a version outside the advisory's affected ranges";
    }

    @Override
    public final ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<DependencyTarget> t = target.get(DependencyTarget.class);
        if (t.isEmpty()) {
            return ProbeOutcome.notRun("no dependency target configured");
        }
        if (t.get().sbomJson().isEmpty()) {
            return ProbeOutcome.notRun("no SBOM at " + t.get().sbomLabel() + " (build with mvn package: the CycloneDX"
                    + " plugin writes it into the jar)");
        }
        List<Component> components = CycloneDxSbom.components(t.get().sbomJson().get());
        AdvisorySource.Snapshot snapshot = t.get().advisories().load();
        List<String> hits = new ArrayList<>();
        // A package the source does not cover has no advisories in it whether or not it is affected: say so,
        // instead of counting its silence as a pass.
        List<String> uncovered = components.stream().filter(c -> !snapshot.covers(c.packageName()))
                .map(c -> c.packageName() + " " + c.version()).sorted().toList();
        for (Component c : components) {
            for (Advisory a : snapshot.advisories()) {
                if (advisorySeverities.contains(a.severity()) && a.affects(c)) {
                    hits.add(c + ": " + a.id() + (a.aliases().isEmpty() ? "" : " (" + String.join(", ", a.aliases())
                            + ")") + " " + a.severity() + ": " + a.summary());
                }
            }
        }
        String freshness = t.get().advisories().freshness(snapshot, target.clock());
        String action = "matched " + components.size() + " SBOM components (" + t.get().sbomLabel() + ") against "
                + snapshot.advisories().size() + " advisories rated " + String.join("/", advisorySeverities.stream()
                .sorted().toList()) + (uncovered.isEmpty() ? "" : "; " + uncovered.size() + " of them not covered by"
                + " the advisory source");
        List<String> evidence = new ArrayList<>(hits);
        if (hits.isEmpty()) {
            evidence.add("no component in an affected range" + (uncovered.isEmpty() ? "" : " among the covered ones"));
        }
        if (!uncovered.isEmpty()) {
            evidence.add(uncoveredLine(t.get().advisories(), uncovered));
        }
        evidence.add(freshness);
        return hits.isEmpty() ? ProbeOutcome.pass(action, evidence) : ProbeOutcome.fail(action, evidence);
    }

    static String uncoveredLine(AdvisorySource source, List<String> uncovered) {
        return "not covered by the " + (source.isBundled() ? "offline snapshot" : "advisory source " + source.label())
                + ": " + String.join(", ", uncovered) + " — run with a full OSV database (--advisories DIR|ZIP,"
                + " e.g. OSV's Maven all.zip)";
    }
}
