package dev.oktyv.probes.security.api;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import java.util.Optional;

/** Base of the probes that attack the API client: they find the {@link ApiTarget} or report not-run. */
abstract class ApiProbe implements SecurityProbe {

    @Override
    public final SecurityCategory category() {
        return SecurityCategory.API;
    }

    @Override
    public final ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<ApiTarget> api = target.get(ApiTarget.class);
        if (api.isEmpty()) {
            return ProbeOutcome.notRun("no api target configured");
        }
        return attack(api.get(), target);
    }

    abstract ProbeOutcome attack(ApiTarget api, SecurityTarget target) throws Exception;

    /** The exception and its causes in one line, for evidence and leak checks. */
    static String chain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (b.length() > 0) {
                b.append(" <- ");
            }
            b.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return b.toString();
    }
}
