package dev.oktyv.bench.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.serve.EmbeddedService;
import dev.oktyv.results.readiness.Assessor;
import dev.oktyv.results.readiness.Criteria;
import dev.oktyv.results.readiness.PhaseFigures;
import dev.oktyv.results.readiness.PhaseStatus;
import dev.oktyv.system.service.ServiceOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import dev.oktyv.results.readiness.CriterionOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MonitoringPhaseTest {

    @Test
    void countsMatchExactlyOnAFreshService() throws Exception {
        try (EmbeddedService service = EmbeddedService.start(ServiceOptions.defaults(), null)) {
            PhaseFigures.Monitoring m = new MonitoringPhase(20).measure(service, quiet());
            assertThat(m.requestsSent()).isEqualTo(20);
            assertThat(m.requestsCounted()).isEqualTo(20.0);
            assertThat(m.healthChecks()).isPositive().isEqualTo(m.healthChecksPassing());
            assertThat(new Assessor(Criteria.DEFAULTS).assess(m, Duration.ZERO).criteria())
                    .filteredOn(c -> !c.met()).extracting(CriterionOutcome::requirement)
                    .as("only the drill's criteria, which measure() leaves unmeasured, are unmet")
                    .containsExactly("/health DEGRADED or DOWN with a dependency down, UP once it is back",
                            "an alert fires under an error burst and resolves after it");
        }
    }

    /** The whole phase: counts, then the database down behind the fault proxy, an error burst, and the return. */
    @Test
    void healthDegradesWithTheDatabaseDownRecoversAndTheAlertFiresAndResolves() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PhaseFigures.Monitoring m = new MonitoringPhase(10)
                .run(new PrintStream(out, true, StandardCharsets.UTF_8));
        String console = out.toString(StandardCharsets.UTF_8);
        assertThat(m.healthDuringOutage()).as(console).isEqualTo("DEGRADED");
        assertThat(m.healthAfterOutage()).as(console).isEqualTo("UP");
        assertThat(m.alertsFired()).as(console).isEqualTo(1);
        assertThat(m.alertsResolved()).as(console).isEqualTo(1);
        assertThat(console).contains("database DOWN", "POST 503", "FIRED", "RESOLVED");
        assertThat(console).doesNotContain("POST 201=", "GET 5");
        assertThat(new Assessor(Criteria.DEFAULTS).assess(m, Duration.ZERO).status()).as(console)
                .isEqualTo(PhaseStatus.READY);
    }

    /** The check can fail: requests the phase did not send make /metrics disagree with what it sent. */
    @Test
    void requestsTheMetricsCountedButThePhaseDidNotSendMakeItNotReady() throws Exception {
        try (EmbeddedService service = EmbeddedService.start(ServiceOptions.defaults(), null)) {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                http.send(HttpRequest.newBuilder(service.uri().resolve("/vault/other/k"))
                        .header("Authorization", "Bearer " + service.token().revealAsString())
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": \"x\"}")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            PhaseFigures.Monitoring m = new MonitoringPhase(20).measure(service, quiet());
            assertThat(m.requestsCounted()).isEqualTo(23.0);
            assertThat(new Assessor(Criteria.DEFAULTS).assess(m, Duration.ZERO).status())
                    .isEqualTo(PhaseStatus.NOT_READY);
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
