package dev.oktyv.results.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSummaryJsonTest {

    static LoadSummary sample() {
        LatencyStats corrected = new LatencyStats(1990, 101.5, 2345.25, 150.0, 170.5, 180.0, 90_111.0, 100_351.0,
                100_351.0, 100_351.0, "");
        LatencyStats service = new LatencyStats(1990, 101.5, 650.125, 148.0, 160.0, 175.0, 260.0, 100_351.0,
                100_351.0, 100_351.0, "");
        return new LoadSummary(LoadSummary.FORMAT_VERSION, "http", new LoadSummary.Model(LoadSummary.ModelKind.OPEN, "rate=200/s", 1, 64),
                Instant.parse("2026-11-28T00:15:00Z"), 10.0, 1.0,
                new LoadSummary.Totals(2000, 1990, 10,
                        List.of(new FailureCount(FailureKind.HTTP_STATUS, "5xx", 7),
                                new FailureCount(FailureKind.EXCEPTION, "java.net.ConnectException", 2),
                                new FailureCount(FailureKind.TIMEOUT, "read timeout 10s", 1)), 200),
                new LoadSummary.Rates(200.0, 199.9, 0),
                corrected, service,
                new LoadSummary.JvmStats(10_000_000L, 12_000_000L, 30_000_000L, 3, 12, 1_500_000_000L),
                List.of(new ThresholdOutcome("p95<200ms", "p95", 180.0, true),
                        new ThresholdOutcome("error_rate<1%", "error_rate", 0.005, true)));
    }

    /** {@link #sample()} as merged from two agents, the second of which fell behind. */
    static LoadSummary merged() {
        LoadSummary s = sample();
        return new LoadSummary(s.formatVersion(), s.scenarioId(), s.model(), s.startedAt(), s.measuredSeconds(),
                s.warmupSeconds(), s.totals(), s.rates(), s.corrected(), s.uncorrected(), s.jvm(), s.thresholds(),
                List.of(new LoadSummary.Agent("2026-11-28T00-15-00Z-agent0", 1000, 100.0, 100.0, 0),
                        new LoadSummary.Agent("2026-11-28T00-15-00Z-agent1", 1000, 100.0, 99.9, 3)));
    }

    @Test
    void writesTheGoldenFile() throws IOException {
        assertThat(LoadSummaryJson.write(merged())).isEqualTo(resource("summary-v2.json"));
    }

    @Test
    void readsTheGoldenFileBackToTheSameRecord() throws IOException {
        assertThat(LoadSummaryJson.read(resource("summary-v2.json"))).isEqualTo(merged());
    }

    @Test
    void aSingleGeneratorRunHasAnEmptyAgentList() {
        String json = LoadSummaryJson.write(sample());
        assertThat(json).contains("\"agents\": []");
        assertThat(LoadSummaryJson.read(json)).isEqualTo(sample());
    }

    @Test
    void readsAVersion1FileWithNoAgents() throws IOException {
        LoadSummary v1 = LoadSummaryJson.read(resource("summary-v1.json"));
        assertThat(v1).isEqualTo(sample());
        assertThat(v1.agents()).isEmpty();
    }

    @Test
    void aVersion2FileWithoutAgentsIsRejected() throws IOException {
        String json = resource("summary-v2.json");
        String noAgents = json.substring(0, json.indexOf("  \"agents\"")) + json.substring(json.indexOf("  \"latency\""));
        assertThatThrownBy(() -> LoadSummaryJson.read(noAgents)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'agents'");
    }

    @Test
    void notApplicableLatencyRoundTripsAsNullsAndAReason() {
        LoadSummary s = sample();
        LoadSummary closed = new LoadSummary(s.formatVersion(), s.scenarioId(),
                new LoadSummary.Model(LoadSummary.ModelKind.CLOSED, "concurrency=4", 4, 4), s.startedAt(), s.measuredSeconds(),
                s.warmupSeconds(), s.totals(), new LoadSummary.Rates(Double.NaN, 199.9, 0),
                LatencyStats.notApplicable("closed model without an intended rate"), s.uncorrected(), s.jvm(),
                List.of());
        String json = LoadSummaryJson.write(closed);
        assertThat(json).contains("\"p99Micros\": null").contains("\"outcome\": \"none\"")
                .contains("\"targetPerSecond\": null");
        LoadSummary back = LoadSummaryJson.read(json);
        assertThat(back.corrected().applicable()).isFalse();
        assertThat(back.corrected().p99Micros()).isNaN();
        assertThat(back.rates().targetPerSecond()).isNaN();
    }

    @Test
    void aDerivedTargetRoundTripsWithItsSource() {
        LoadSummary s = sample();
        LoadSummary derived = new LoadSummary(s.formatVersion(), s.scenarioId(),
                new LoadSummary.Model(LoadSummary.ModelKind.CLOSED, "concurrency=1", 1, 1), s.startedAt(), s.measuredSeconds(),
                s.warmupSeconds(), s.totals(),
                new LoadSummary.Rates(200.0, LoadSummary.Rates.DERIVED_FROM_WARMUP, 199.9, 0), s.corrected(),
                s.uncorrected(), s.jvm(), List.of());
        String json = LoadSummaryJson.write(derived);
        assertThat(json).contains("\"targetSource\": \"derived-from-warmup\"");
        assertThat(LoadSummaryJson.read(json)).isEqualTo(derived);
    }

    @Test
    void aFileWrittenBeforeTargetSourceImpliesItFromTheTarget() throws IOException {
        String old = resource("summary-v1.json").replace("    \"targetSource\": \"configured\",\n", "");
        assertThat(old).doesNotContain("targetSource");
        assertThat(LoadSummaryJson.read(old)).isEqualTo(sample());
        String none = old.replace("\"targetPerSecond\": 200.0", "\"targetPerSecond\": null");
        assertThat(LoadSummaryJson.read(none).rates().targetSource()).isEqualTo(LoadSummary.Rates.NO_TARGET);
    }

    @Test
    void rejectsATargetSourceThatDoesNotFitTheTarget() {
        assertThatThrownBy(() -> new LoadSummary.Rates(Double.NaN, LoadSummary.Rates.CONFIGURED, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> LoadSummaryJson.read(LoadSummaryJson.write(sample())
                .replace("\"targetSource\": \"configured\"", "\"targetSource\": \"guessed\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'guessed'");
        assertThatThrownBy(() -> LoadSummaryJson.read(LoadSummaryJson.write(sample())
                .replace("\"kind\": \"open\"", "\"kind\": \"half-open\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'half-open'");
    }

    @Test
    void rejectsAnotherFormatVersionWithOneLine() throws IOException {
        String json = resource("summary-v1.json").replace("\"formatVersion\": 1", "\"formatVersion\": 99");
        assertThatThrownBy(() -> LoadSummaryJson.read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("formatVersion 99");
    }

    @Test
    void failedThresholdMakesTheOutcomeFailed() {
        LoadSummary s = sample();
        LoadSummary f = new LoadSummary(1, "x", s.model(), s.startedAt(), 1, 0, s.totals(), s.rates(), s.corrected(),
                s.uncorrected(), s.jvm(), List.of(new ThresholdOutcome("dropped==0", "dropped", 3, false)));
        assertThat(f.outcome()).isEqualTo(LoadSummary.Outcome.FAILED);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = LoadSummaryJsonTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
