package dev.oktyv.bench.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.serve.EmbeddedService;
import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.service.AuthRequiredProbe;
import dev.oktyv.probes.security.service.ConstantTimeTokenProbe;
import dev.oktyv.probes.security.service.CorsProbe;
import dev.oktyv.probes.security.service.ErrorSanitisationProbe;
import dev.oktyv.probes.security.service.FileRouteTraversalProbe;
import dev.oktyv.probes.security.service.HealthSelfDosProbe;
import dev.oktyv.probes.security.service.RequestLimitsProbe;
import dev.oktyv.probes.security.service.ServiceTarget;
import dev.oktyv.probes.security.service.SlowClientsProbe;
import dev.oktyv.probes.security.service.SqlInjectionRoutesProbe;
import dev.oktyv.probes.security.service.TokenCheckTarget;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.system.service.BearerAuth;
import dev.oktyv.system.service.ServiceOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every service probe passes against the real service as {@code serve} runs it (each test gets a fresh one: some
 * probes damage what they attack). The must-fail side is {@code ServiceProbesTest} in the probes module.
 */
@Timeout(90)
class ServiceProbesOnEmbeddedServiceTest {

    @TempDir
    Path scratch;

    private ProbeOutcome run(SecurityProbe probe) throws Exception {
        try (EmbeddedService service = EmbeddedService.start(ServiceOptions.defaults(), null)) {
            SecurityTarget t = SecurityTarget.builder().scratchDir(scratch)
                    .with(ServiceTarget.class, new ServiceTarget(service.uri(), service.token()))
                    .with(TokenCheckTarget.class, new TokenCheckTarget(BearerAuth.class)).build();
            return probe.run(t);
        }
    }

    private void assertPasses(SecurityProbe probe) throws Exception {
        ProbeOutcome o = run(probe);
        assertThat(o.verdict()).as(probe.id() + ": " + o.evidence() + " " + o.reason().orElse(""))
                .isEqualTo(ProbeVerdict.PASS);
    }

    @Test
    void authRequired() throws Exception {
        assertPasses(new AuthRequiredProbe());
    }

    @Test
    void constantTimeToken() throws Exception {
        assertPasses(new ConstantTimeTokenProbe());
    }

    @Test
    void cors() throws Exception {
        assertPasses(new CorsProbe());
    }

    @Test
    void errorSanitisation() throws Exception {
        assertPasses(new ErrorSanitisationProbe());
    }

    // Seen failing on today's service: "after DELETE /vault/oktyv-service/token: /health HTTP 503 DOWN" and "after
    // PUT /files/.health-probe/oktyv-probe: /health HTTP 503 DOWN" (the health checks use client-writable names).
    @Test
    void healthSelfDos() throws Exception {
        assertPasses(new HealthSelfDosProbe());
    }

    // Seen failing on today's service: "announced 1 GiB body, sent none: no answer within 5 s" (the JDK server
    // drains the announced body before the 413 goes out).
    @Test
    void requestLimits() throws Exception {
        assertPasses(new RequestLimitsProbe());
    }

    // Seen failing on today's service: "/health with 64 stalled connections: no answer within 2000 ms" and "64 of 64
    // stalled connections still open after 15 s" (the JDK HttpServer reads requests on its 4 workers, no deadline).
    @Test
    void slowClients() throws Exception {
        assertPasses(new SlowClientsProbe());
    }

    @Test
    void sqlInjectionThroughTheDatabaseRoutes() throws Exception {
        assertPasses(new SqlInjectionRoutesProbe());
    }

    @Test
    void fileTraversalThroughTheFileRoutes() throws Exception {
        assertPasses(new FileRouteTraversalProbe());
    }
}
