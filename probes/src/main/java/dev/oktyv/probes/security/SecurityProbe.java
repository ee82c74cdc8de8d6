package dev.oktyv.probes.security;

import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;

/**
 * One security check: it attacks a target and reports what it saw. One small class per probe, listed in
 * {@code META-INF/services/dev.oktyv.probes.security.SecurityProbe}, so a user adds checks for their own system
 * by putting a jar on the class path.
 *
 * <p>A probe looks up its target with {@link SecurityTarget#get}; when the type it needs is absent it returns
 * {@link ProbeOutcome#notRun} ("no &lt;x&gt; target configured"). It never puts a secret value in its evidence.
 * The runner gives each probe a deadline and turns an exception into a not-run finding.
 */
public interface SecurityProbe {

    /** Stable id {@code <category>.<name>}, e.g. {@code vault.encryption-at-rest}, {@code service.slow-clients}. */
    String id();

    SecurityCategory category();

    Severity severity();

    /** One line: what is checked. */
    String title();

    /** One line: what to do when it fails. */
    String fix();

    ProbeOutcome run(SecurityTarget target) throws Exception;
}
