package dev.oktyv.results.recovery;

import dev.oktyv.results.probe.ProbeVerdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryReportJsonTest {

    static RecoveryReport sample() {
        ProbeOutcome retry = new ProbeOutcome("retry-logic", "Retry Logic", "HTTPS API answers 503, 503, 200",
                ProbeVerdict.PASS, "Recovered after 3 attempts", 612.5, OptionalInt.of(3),
                List.of(new Evidence("ApiResponse.attempts", "GET: 3 attempts, final status 200"),
                        new Evidence("Sleeper", "waits 200 ms, 400 ms: within [100 ms, 200 ms], [200 ms, 400 ms]")),
                Optional.empty());
        ProbeOutcome degradation = new ProbeOutcome("graceful-degradation", "Graceful Degradation",
                "H2 behind the proxy: down", ProbeVerdict.FAIL, "No fallback: reads fail while the database is down",
                Double.NaN, OptionalInt.empty(),
                List.of(new Evidence("DatabaseEngine", "read failed: DatabaseConnectionException")), Optional.empty());
        ProbeOutcome target = ProbeOutcome.notRun("service-recovery", "Service Recovery",
                "needs --target-url and --target-token-file");
        return new RecoveryReport(RecoveryReport.FORMAT_VERSION, Instant.parse("2026-12-03T09:00:00Z"), 41.25,
                List.of(retry, degradation, target));
    }

    @Test
    void writesTheGoldenFile() throws IOException {
        assertThat(RecoveryReportJson.write(sample())).isEqualTo(resource("recovery-v2.json"));
    }

    @Test
    void readsTheGoldenFileBackToTheSameRecord() throws IOException {
        assertThat(RecoveryReportJson.read(resource("recovery-v2.json"))).isEqualTo(sample());
    }

    /** A run folder written before the verdicts became one type ({@code passed}/{@code failed}) still loads. */
    @Test
    void readsAVersionOneFileWithItsOldVerdictNames() throws IOException {
        String v1 = resource("recovery-v1.json");
        assertThat(v1).contains("\"verdict\": \"passed\"").contains("\"verdict\": \"failed\"");
        assertThat(RecoveryReportJson.read(v1)).isEqualTo(sample());
        // The new names are not version 1's: a file claiming version 1 with them was not written by this suite.
        assertThatThrownBy(() -> RecoveryReportJson.read(v1.replace("\"passed\"", "\"pass\"")))
                .hasMessageContaining("'pass'").hasMessageContaining("version 1");
    }

    @Test
    void aNotApplicableProbeNeedsAReasonAndIsNotCounted() {
        ProbeOutcome na = new ProbeOutcome("fsync-probe", "Fsync", "none injected", ProbeVerdict.NOT_APPLICABLE,
                "not applicable: in-memory store", Double.NaN, OptionalInt.empty(), List.of(),
                Optional.of("in-memory store"));
        RecoveryReport r = new RecoveryReport(RecoveryReport.FORMAT_VERSION, sample().startedAt(), 1.0,
                List.of(sample().outcomes().get(0), na));
        assertThat(r.successRatePercent()).isEqualTo(100.0);
        assertThat(RecoveryReportJson.read(RecoveryReportJson.write(r))).isEqualTo(r);
        assertThat(RecoveryReportJson.write(r)).contains("\"notApplicable\": 1").contains("\"not-applicable\"");
        assertThatThrownBy(() -> new ProbeOutcome("x", "X", "f", ProbeVerdict.NOT_APPLICABLE, "s", Double.NaN,
                OptionalInt.empty(), List.of(), Optional.empty())).hasMessageContaining("not-applicable");
    }

    @Test
    void successRateCountsOnlyProbesThatRan() {
        RecoveryReport r = sample();
        assertThat(r.successRatePercent()).isEqualTo(50.0);
        assertThat(r.band()).contains(SuccessBand.NEEDS_WORK);
        assertThat(r.allPassed()).isFalse();
        RecoveryReport none = new RecoveryReport(RecoveryReport.FORMAT_VERSION, r.startedAt(), 1.0, List.of(r.outcomes().get(2)));
        assertThat(none.successRatePercent()).isNaN();
        assertThat(none.band()).isEmpty();
        assertThat(RecoveryReportJson.write(none)).contains("\"successRatePercent\": null").contains("\"band\": null");
    }

    @Test
    void bandsAreTheSeeds() {
        assertThat(SuccessBand.of(90.0)).isEqualTo(SuccessBand.EXCELLENT);
        assertThat(SuccessBand.of(89.9)).isEqualTo(SuccessBand.GOOD);
        assertThat(SuccessBand.of(80.0)).isEqualTo(SuccessBand.GOOD);
        assertThat(SuccessBand.of(79.9)).isEqualTo(SuccessBand.NEEDS_WORK);
    }

    @Test
    void writesAtomicallyIntoTheRunFolder(@TempDir Path dir) throws IOException {
        RunFolder folder = new RunFolder(dir.resolve("20261203T090000Z-abc1234"), new RunId("20261203T090000Z-abc1234"));
        java.nio.file.Files.createDirectories(folder.path());
        RecoveryReportJson.write(folder, sample());
        assertThat(RecoveryReportJson.read(folder)).isEqualTo(sample());
    }

    @Test
    void rejectsAnotherVersionAndANotRunWithoutReason() throws IOException {
        assertThatThrownBy(() -> RecoveryReportJson.read(resource("recovery-v2.json")
                .replace("\"formatVersion\": 2", "\"formatVersion\": 7")))
                .hasMessageContaining("formatVersion 7");
        assertThatThrownBy(() -> new ProbeOutcome("x", "X", "f", ProbeVerdict.NOT_RUN, "s", Double.NaN,
                OptionalInt.empty(), List.of(), Optional.empty())).hasMessageContaining("not-run");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RecoveryReportJsonTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
