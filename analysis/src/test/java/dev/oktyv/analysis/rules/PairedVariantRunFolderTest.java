package dev.oktyv.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.testing.RunFixtures;
import dev.oktyv.analysis.testing.SyntheticJmh;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paired-variants rule read from a run folder on disk, as {@code analyze} reads it: each gain is reported as a
 * ratio with its interval, and a recommendation kind appears only when its measurement supports it.
 */
class PairedVariantRunFolderTest {

    private static final Pattern GAIN = Pattern.compile("(\\d+\\.\\d+)× throughput \\[(\\d+\\.\\d+)×, (\\d+\\.\\d+)×\\], measured");

    @TempDir
    Path dir;

    private RuleResult analyse(SyntheticJmh jmh) throws IOException {
        RunFolder run = RunFixtures.create(new ResultsStore(dir), Instant.parse("2026-11-20T10:00:00Z"),
                RunFixtures.sha('a'), RunStatus.COMPLETE, jmh.json());
        return new PairedVariantRule().evaluate(AnalysisInputLoader.load(run));
    }

    @Test
    void pooledSmtpGainIsReportedWithItsIntervalAndOnlySupportedKindsAreRecommended() throws IOException {
        SyntheticJmh jmh = new SyntheticJmh()
                // pooled: fork means 100, 99, 101 vs 630, 625, 635: about 6.3x
                .add("b.EmailSendBenchmark.send", "thrpt", Map.of("variant", "baseline"), "ops/s",
                        new double[][] {{99, 101}, {98, 100}, {100, 102}}, null)
                .add("b.EmailSendBenchmark.send", "thrpt", Map.of("variant", "pooled"), "ops/s",
                        new double[][] {{625, 635}, {620, 630}, {630, 640}}, null)
                // cached: no measurable gain, so no caching recommendation
                .add("b.CachedPointQueryBenchmark.get", "thrpt", Map.of("variant", "baseline", "hitPercent", "90"), "ops/s",
                        new double[][] {{100, 101}, {99, 100}, {100, 100}}, null)
                .add("b.CachedPointQueryBenchmark.get", "thrpt", Map.of("variant", "cached", "hitPercent", "90"), "ops/s",
                        new double[][] {{99, 101}, {100, 100}, {101, 100}}, null);
        RuleResult r = analyse(jmh);

        Matcher m = GAIN.matcher(r.fix());
        assertThat(m.find()).as(r.fix()).isTrue();
        double ratio = Double.parseDouble(m.group(1));
        double low = Double.parseDouble(m.group(2));
        double high = Double.parseDouble(m.group(3));
        assertThat(ratio).isCloseTo(630.0 / 100.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(low).isGreaterThan(1).isLessThan(ratio);
        assertThat(high).isGreaterThan(ratio);
        // The interval is the one the evidence carries, not a guessed percentage.
        List<Double> ends = r.evidence().stream().filter(e -> e.subject().contains("variant=pooled")
                && e.quantity().contains("interval")).map(Evidence::value).toList();
        assertThat(ends).hasSize(2);
        assertThat(String.format(Locale.ROOT, "%.2f", ends.get(0))).isEqualTo(m.group(2));
        assertThat(String.format(Locale.ROOT, "%.2f", ends.get(1))).isEqualTo(m.group(3));

        assertThat(r.fix()).contains("use connection pooling (").doesNotContain("use caching").doesNotContain("use batching");
        // The cache shows no measurable gain, but its interval still allows one: reported at INFO, never with advice
        // to remove it (issue 18); only an interval that excludes a gain is a WARNING.
        assertThat(r.severity()).isEqualTo(Severity.INFO);
        assertThat(r.summary()).contains("variant=cached").contains("the interval still allows a gain");
        assertThat(r.fix()).doesNotContain("remove it");
    }

    @Test
    void noRecommendationWithoutASupportingMeasurement() throws IOException {
        SyntheticJmh jmh = new SyntheticJmh()
                .add("b.InsertBenchmark.insertOneByOne", "thrpt", Map.of(), "ops/s", new double[][] {{100, 101}, {99, 100}}, null)
                .add("b.InsertBenchmark.insertBatched", "thrpt", Map.of(), "ops/s", new double[][] {{100, 99}, {101, 100}}, null);
        RuleResult r = analyse(jmh);
        assertThat(r.fix()).startsWith("No pooling, caching or batching recommendation");
        assertThat(r.fix()).doesNotContain("measured");
    }

    @Test
    void timePerOperationGainsAreSpeedUpsAboveOne() throws IOException {
        SyntheticJmh jmh = new SyntheticJmh()
                .add("b.Insert.rowsOneByOne", "avgt", Map.of(), "us/op", new double[][] {{1000, 1010}, {990, 1000}, {1005, 995}}, null)
                .add("b.Insert.rowsBatched", "avgt", Map.of(), "us/op", new double[][] {{100, 101}, {99, 100}, {100.5, 99.5}}, null);
        RuleResult r = analyse(jmh);
        assertThat(r.severity()).isEqualTo(Severity.INFO);
        assertThat(r.fix()).contains("use batching (").containsPattern("10\\.0\\d× speed \\(time per operation\\) \\[\\d+\\.\\d+×, \\d+\\.\\d+×\\]");
    }
}
