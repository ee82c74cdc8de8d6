package dev.oktyv.probes.security.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.service.WeakService.Weakness;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each service probe fails against a test server with exactly its weakness, and passes against the same server
 * without it. (The runs against the real service are in the benchmarks module, where it is assembled.)
 */
@Timeout(60)
class ServiceProbesTest {

    @TempDir
    Path scratch;

    private ProbeOutcome run(SecurityProbe probe, WeakService service) throws Exception {
        return probe.run(SecurityTarget.builder().scratchDir(scratch).with(ServiceTarget.class, service.target())
                .build());
    }

    @Test
    void authRequiredFailsWithoutAuthAndPassesWithIt() throws Exception {
        try (WeakService weak = WeakService.with(Weakness.NO_AUTH); WeakService careful = WeakService.with()) {
            ProbeOutcome bad = run(new AuthRequiredProbe(), weak);
            assertThat(bad.verdict()).isEqualTo(ProbeVerdict.FAIL);
            assertThat(bad.evidence()).anyMatch(e -> e.contains("token in the query string: HTTP 200"));
            assertThat(String.join("\n", bad.evidence())).doesNotContain(WeakService.TOKEN);
            assertThat(run(new AuthRequiredProbe(), careful).verdict()).isEqualTo(ProbeVerdict.PASS);
        }
    }

    @Test
    void corsFailsOnAWildcardOrigin() throws Exception {
        try (WeakService weak = WeakService.with(Weakness.PERMISSIVE_CORS); WeakService careful = WeakService.with()) {
            ProbeOutcome bad = run(new CorsProbe(), weak);
            assertThat(bad.verdict()).isEqualTo(ProbeVerdict.FAIL);
            assertThat(bad.evidence()).anyMatch(e -> e.contains("Access-Control-Allow-Origin: *"));
            assertThat(run(new CorsProbe(), careful).verdict()).isEqualTo(ProbeVerdict.PASS);
        }
    }

    @Test
    void requestLimitsFailWhenTheServerReadsTheWholeBodyFirst() throws Exception {
        try (WeakService weak = WeakService.with(Weakness.READS_WHOLE_BODY)) {
            ProbeOutcome bad = run(new RequestLimitsProbe(), weak);
            assertThat(bad.verdict()).isEqualTo(ProbeVerdict.FAIL);
            assertThat(bad.evidence()).anyMatch(e -> e.contains("announced 1 GiB body, sent none: no answer"));
        }
    }

    @Test
    void slowClientsFreezeAOneWorkerServer() throws Exception {
        try (WeakService weak = WeakService.with(Weakness.ONE_BLOCKING_WORKER)) {
            ProbeOutcome bad = run(new SlowClientsProbe(Duration.ofMillis(500)), weak);
            assertThat(bad.verdict()).isEqualTo(ProbeVerdict.FAIL);
            assertThat(bad.evidence()).anyMatch(e -> e.startsWith("/health with 64 stalled connections: no answer"));
            assertThat(bad.evidence()).anyMatch(e -> e.contains("stalled connections still open after"));
        }
    }

    @Test
    void healthSelfDosFailsWhenTheHealthCheckReadsAClientWritableName() throws Exception {
        try (WeakService weak = WeakService.with(Weakness.HEALTH_IN_CLIENT_NAMESPACE);
             WeakService careful = WeakService.with()) {
            ProbeOutcome bad = run(new HealthSelfDosProbe(Duration.ofMillis(500)), weak);
            assertThat(bad.verdict()).isEqualTo(ProbeVerdict.FAIL);
            assertThat(bad.evidence()).containsExactly(
                    "after DELETE /vault/oktyv-service/token: /health HTTP 503 DOWN");
            assertThat(run(new HealthSelfDosProbe(Duration.ofMillis(500)), careful).verdict()).isEqualTo(ProbeVerdict.PASS);
        }
    }

    @Test
    void errorSanitisationFailsOnStackTracesAndMissingHeaders() throws Exception {
        try (WeakService weak = WeakService.with(Weakness.VERBOSE_ERRORS); WeakService careful = WeakService.with()) {
            ProbeOutcome bad = run(new ErrorSanitisationProbe(), weak);
            assertThat(bad.verdict()).isEqualTo(ProbeVerdict.FAIL);
            String all = String.join("\n", bad.evidence());
            assertThat(all).contains("HTTP 500 instead of a 4xx").contains("IllegalStateException")
                    .contains("no X-Content-Type-Options: nosniff").contains("no Cache-Control: no-store")
                    .contains("/tmp/");
            ProbeOutcome good = run(new ErrorSanitisationProbe(), careful);
            assertThat(good.verdict()).as(String.join("\n", good.evidence())).isEqualTo(ProbeVerdict.PASS);
        }
    }

    @Test
    void constantTimeFailsForAnEqualsComparisonAndPassesForTheServicesOwn() throws Exception {
        SecurityTarget naive = SecurityTarget.builder().scratchDir(scratch)
                .with(TokenCheckTarget.class, new TokenCheckTarget(NaiveTokenCheck.class)).build();
        ProbeOutcome bad = new ConstantTimeTokenProbe().run(naive);
        assertThat(bad.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(bad.evidence()).containsExactly("NaiveTokenCheck never calls MessageDigest.isEqual");
        SecurityTarget real = SecurityTarget.builder().scratchDir(scratch).with(TokenCheckTarget.class,
                new TokenCheckTarget(dev.oktyv.system.service.BearerAuth.class)).build();
        assertThat(new ConstantTimeTokenProbe().run(real).verdict()).isEqualTo(ProbeVerdict.PASS);
    }

    @Test
    void withoutATargetEveryServiceProbeIsNotRun() throws Exception {
        SecurityTarget none = SecurityTarget.builder().scratchDir(scratch).build();
        for (SecurityProbe p : new SecurityProbe[] {new AuthRequiredProbe(), new CorsProbe(),
                new ConstantTimeTokenProbe(), new SlowClientsProbe()}) {
            ProbeOutcome o = p.run(none);
            assertThat(o.verdict()).isEqualTo(ProbeVerdict.NOT_RUN);
            assertThat(o.reason()).get().asString().startsWith("no ");
        }
    }

    /** The weakness: compares the presented token with String.equals, which returns at the first difference. */
    static final class NaiveTokenCheck {
        private final String expected;

        NaiveTokenCheck(String expected) {
            this.expected = expected;
        }

        boolean permits(String header) {
            return header != null && header.equals("Bearer " + expected);
        }
    }
}
