package dev.oktyv.probes.security.service;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import java.time.Duration;
import java.util.Optional;

/**
 * Base of the probes that attack the HTTP service: they find the {@link ServiceTarget} or report not-run, and talk
 * to it with {@link RawHttp}. The bearer header is built here and only sent: it never reaches evidence.
 */
abstract class ServiceProbe implements SecurityProbe {

    /** How long one request may take before the probe calls the service unresponsive. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public final SecurityCategory category() {
        return SecurityCategory.SERVICE;
    }

    @Override
    public final ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<ServiceTarget> service = target.get(ServiceTarget.class);
        if (service.isEmpty()) {
            return ProbeOutcome.notRun("no service target configured");
        }
        if (!"http".equals(service.get().baseUri().getScheme())) {
            return ProbeOutcome.notRun("the service probes speak plain http; " + service.get().baseUri()
                    + " is https");
        }
        return attack(service.get(), new RawHttp(service.get().baseUri(), REQUEST_TIMEOUT));
    }

    abstract ProbeOutcome attack(ServiceTarget service, RawHttp http) throws Exception;

    static String bearer(ServiceTarget service) {
        return "Authorization: Bearer " + service.token().revealAsString();
    }
}
