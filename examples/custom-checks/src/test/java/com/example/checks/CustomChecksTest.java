package com.example.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.service.ServiceTarget;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.secret.Secret;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each example check passes on a sound target and fails on a weakened one; and ServiceLoader finds all four. */
class CustomChecksTest {

    @TempDir
    Path scratch;

    @Test
    void theServiceListsNameOneCheckOfEachKind() {
        assertThat(ServiceLoader.load(Scenario.class).stream().map(p -> p.type().getName()))
                .contains(JournalAppendScenario.class.getName());
        assertThat(ServiceLoader.load(SecurityProbe.class).stream().map(p -> p.type().getName()))
                .contains(ServerBannerProbe.class.getName());
        assertThat(ServiceLoader.load(RecoveryProbe.class).stream().map(p -> p.type().getName()))
                .contains(TornWriteProbe.class.getName());
        // The engines' own checks are providers of the same interface, on the class path through the suite's jar.
        assertThat(ServiceLoader.load(HealthCheckProvider.class).stream().map(p -> p.type().getName()))
                .contains(TmpSpaceCheck.class.getName());
    }

    @Test
    void theJournalRecoversFromATornWrite() throws Exception {
        var outcome = new TornWriteProbe().run(RecoveryTargets.builder(scratch).build());
        assertThat(outcome.verdict()).as(outcome.summary()).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.summary()).startsWith("49 of 49 complete records intact, 49 records after restart");
    }

    @Test
    void aJournalThatTrustsItsLengthsFailsTheTornWriteProbe() throws Exception {
        var outcome = new TornWriteProbe(Journal.Recovery.TRUST_LENGTHS).run(RecoveryTargets.builder(scratch).build());
        assertThat(outcome.verdict()).as(outcome.summary()).isEqualTo(ProbeVerdict.FAIL);
    }

    @Test
    void aServerThatAnnouncesItsVersionFailsTheBannerProbe() throws Exception {
        assertThat(banner(null).verdict().wireName()).isEqualTo("pass");
        var leaky = banner("Jetty(9.4.1)");
        assertThat(leaky.verdict().wireName()).isEqualTo("fail");
        assertThat(leaky.evidence()).anyMatch(e -> e.contains("Server: Jetty(9.4.1)"));
    }

    @Test
    void withoutAServiceTheBannerProbeDoesNotRun() throws Exception {
        var outcome = new ServerBannerProbe().run(SecurityTarget.builder().scratchDir(scratch).build());
        assertThat(outcome.verdict().wireName()).isEqualTo("not-run");
    }

    @Test
    void aFullDiskTurnsTheSpaceCheckDown() throws Exception {
        assertThat(new TmpSpaceCheck(scratch, 1).check()).isEqualTo(HealthStatus.UP);
        assertThat(new TmpSpaceCheck(scratch, Long.MAX_VALUE).check()).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void theScenarioAppendsDurably() throws Exception {
        try (Scenario.Target target = new JournalAppendScenario().open();
             Scenario.Session session = target.newSession()) {
            for (int i = 0; i < 5; i++) {
                assertThat(session.execute().ok()).isTrue();
            }
        }
    }

    private dev.oktyv.probes.security.ProbeOutcome banner(String serverHeader) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            if (serverHeader != null) {
                ex.getResponseHeaders().set("Server", serverHeader);
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/health") ? 200 : 404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            SecurityTarget target = SecurityTarget.builder().scratchDir(scratch)
                    .with(ServiceTarget.class, new ServiceTarget(base, Secret.of("t0ken"))).build();
            return new ServerBannerProbe().run(target);
        } finally {
            server.stop(0);
        }
    }
}
