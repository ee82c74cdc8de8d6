package dev.oktyv.results.security;

import dev.oktyv.results.probe.ProbeVerdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityReportJsonTest {

    static SecurityReport sample() {
        return new SecurityReport(Instant.parse("2026-12-03T09:00:00Z"), Duration.ofMillis(4321),
                List.of(SecurityCategory.SERVICE, SecurityCategory.GENERAL),
                List.of("advisories: bundled snapshot of 2026-12-03 (GitHub Advisory Database, CC-BY 4.0)"),
                List.of(new SecurityFinding("service.auth-required", SecurityCategory.SERVICE, Severity.CRITICAL,
                                "Routes refuse requests without a valid bearer token", ProbeVerdict.PASS,
                                "GET /vault/x/y without a token, with a wrong one, with the token in the query",
                                List.of("no token: 401", "wrong token: 401", "token in query: 401"),
                                "Require Authorization: Bearer on every route but /health", Optional.empty(),
                                Duration.ofMillis(35)),
                        new SecurityFinding("service.slow-clients", SecurityCategory.SERVICE, Severity.HIGH,
                                "Half-sent requests neither freeze the service nor stay open", ProbeVerdict.FAIL,
                                "held 64 connections with half a header", List.of("/health: no answer within 2 s"),
                                "Give each connection a header and body deadline", Optional.empty(),
                                Duration.ofMillis(2100)),
                        new SecurityFinding("general.vulnerable-dependencies", SecurityCategory.GENERAL,
                                Severity.HIGH, "No dependency has a known advisory", ProbeVerdict.NOT_RUN, "none",
                                List.of(), "Upgrade the listed dependencies", Optional.of("no SBOM found"),
                                Duration.ofMillis(3)),
                        new SecurityFinding("general.secret-environment", SecurityCategory.GENERAL, Severity.LOW,
                                "No secret-looking environment variables", ProbeVerdict.NOT_APPLICABLE, "none",
                                List.of(), "Read secrets from the vault", Optional.of("environment not readable"),
                                Duration.ZERO)));
    }

    @Test
    void writesTheGoldenFile() throws IOException {
        assertThat(SecurityReportJson.write(sample())).isEqualTo(resource("security-v1.json"));
    }

    @Test
    void readsTheGoldenFileBackToTheSameRecord() throws IOException {
        assertThat(SecurityReportJson.read(resource("security-v1.json"))).isEqualTo(sample());
    }

    @Test
    void scoreWeighsBySeverityAndCountsOnlyProbesThatRan() {
        SecurityScore s = sample().score();
        // CRITICAL pass (10) + HIGH fail (5); the not-run and not-applicable probes are in neither total.
        assertThat(s.passedWeight()).isEqualTo(10);
        assertThat(s.runWeight()).isEqualTo(15);
        assertThat(s.score()).isCloseTo(66.667, org.assertj.core.data.Offset.offset(0.001));
        assertThat(s.notRun()).isEqualTo(1);
        assertThat(s.notApplicable()).isEqualTo(1);
        assertThat(s.failedBySeverity()).containsEntry(Severity.HIGH, 1).containsEntry(Severity.CRITICAL, 0);
        assertThat(s.ready()).isFalse();
    }

    @Test
    void anyCriticalFailureIsNotReadyWhateverTheScore() {
        List<SecurityFinding> many = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(finding("general.p" + i, Severity.CRITICAL, ProbeVerdict.PASS));
        }
        assertThat(SecurityScore.of(many).ready()).isTrue();
        many.add(finding("general.bad", Severity.CRITICAL, ProbeVerdict.FAIL));
        SecurityScore s = SecurityScore.of(many);
        assertThat(s.score()).isGreaterThan(SecurityScore.READY_SCORE);
        assertThat(s.ready()).isFalse();
    }

    @Test
    void nothingRunIsNaNAndNotReady() {
        SecurityScore s = SecurityScore.of(List.of(new SecurityFinding("general.x", SecurityCategory.GENERAL,
                Severity.LOW, "t", ProbeVerdict.NOT_RUN, "none", List.of(), "f", Optional.of("why"), Duration.ZERO)));
        assertThat(s.score()).isNaN();
        assertThat(s.ready()).isFalse();
        assertThat(SecurityReportJson.write(new SecurityReport(Instant.EPOCH, Duration.ZERO, List.of(), List.of(),
                List.of()))).contains("\"score\": null");
    }

    @Test
    void rejectsAnotherVersionAndUnknownWireNamesByName() {
        assertThatThrownBy(() -> SecurityReportJson.read("{\"formatVersion\": 2}"))
                .hasMessageContaining("formatVersion 2");
        assertThatThrownBy(() -> Severity.fromWire("urgent")).hasMessageContaining("'urgent'");
        assertThatThrownBy(() -> ProbeVerdict.fromWire("ok")).hasMessageContaining("'ok'");
        assertThat(ProbeVerdict.NOT_APPLICABLE.wireName()).isEqualTo("not-applicable");
    }

    @Test
    void aNotRunFindingNeedsAReason() {
        assertThatThrownBy(() -> finding("general.x", Severity.LOW, ProbeVerdict.NOT_RUN))
                .hasMessageContaining("without a reason");
    }

    private static SecurityFinding finding(String id, Severity s, ProbeVerdict v) {
        return new SecurityFinding(id, SecurityCategory.GENERAL, s, "t", v, "a",
                v == ProbeVerdict.FAIL ? List.of("e") : List.of(), "f", Optional.empty(), Duration.ZERO);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SecurityReportJsonTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
