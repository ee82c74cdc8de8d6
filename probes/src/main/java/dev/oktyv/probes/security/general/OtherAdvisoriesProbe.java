package dev.oktyv.probes.security.general;

import dev.oktyv.results.security.Severity;
import java.util.Set;

/** No dependency has a known MODERATE, LOW or unrated advisory. */
public final class OtherAdvisoriesProbe extends DependencyAdvisoriesProbe {

    public OtherAdvisoriesProbe() {
        super(Set.of("MODERATE", "MEDIUM", "LOW", "UNKNOWN"));
    }

    @Override
    public String id() {
        return "general.dependency-advisories";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public String title() {
        return "No dependency in the SBOM has a known MODERATE, LOW or unrated advisory";
    }
}
