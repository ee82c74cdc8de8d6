package dev.oktyv.probes.security.general;

import dev.oktyv.results.security.Severity;
import java.util.Set;

/** No dependency has a known CRITICAL or HIGH advisory. */
public final class CriticalAdvisoriesProbe extends DependencyAdvisoriesProbe {

    public CriticalAdvisoriesProbe() {
        super(Set.of("CRITICAL", "HIGH"));
    }

    @Override
    public String id() {
        return "general.dependency-advisories-critical";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "No dependency in the SBOM has a known CRITICAL or HIGH advisory";
    }
}
