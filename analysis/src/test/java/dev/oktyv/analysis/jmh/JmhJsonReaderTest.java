package dev.oktyv.analysis.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.analysis.model.BenchmarkResult;
import dev.oktyv.analysis.model.Direction;
import dev.oktyv.analysis.model.Metric;
import dev.oktyv.analysis.model.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The JSON files under {@code jmh/} are real JMH 1.37 output of a throwaway benchmark ({@code gold.Tiny}),
 * produced with {@code -rf json} in every mode; each has a golden dump of what the reader makes of it.
 * Regenerate a dump by running with {@code -Dgolden.update=true} and reviewing the diff.
 */
class JmhJsonReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"thrpt-gc", "avgt", "sample", "ss", "norawdata", "onefork", "old-prefix", "nonfinite"})
    void readsRealJmhOutputExactlyAsTheGoldenDump(String name) throws IOException {
        List<BenchmarkResult> results = read(name + ".json");
        Golden.assertMatches("jmh/" + name + ".dump.txt", dump(results));
    }

    @Test
    void throughputWithGcProfilerHasPerForkDataAndDirections() throws IOException {
        BenchmarkResult r = read("thrpt-gc.json").get(0);
        assertThat(r.id().mode()).isEqualTo(Mode.THROUGHPUT);
        assertThat(r.id().params()).containsEntry("size", "8");
        assertThat(r.primary().direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(r.primary().forks()).hasSize(2).allSatisfy(f -> assertThat(f).hasSize(2));
        Metric norm = r.allocNorm().orElseThrow();
        assertThat(norm.unit()).isEqualTo("B/op");
        assertThat(norm.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(r.secondary("gc.alloc.rate").orElseThrow().direction()).isEqualTo(Direction.UNKNOWN);
    }

    @Test
    void sampleModeHistogramsBecomeWeightedIterationMeans() throws IOException {
        BenchmarkResult r = read("sample.json").get(0);
        assertThat(r.id().mode()).isEqualTo(Mode.SAMPLE_TIME);
        assertThat(r.primary().forks()).hasSize(2).allSatisfy(f -> assertThat(f).hasSize(2));
        // JMH's score is the mean over all samples; the mean of count-weighted iteration means is close to it
        // (equal iteration weights differ slightly from equal sample weights).
        double[] means = r.primary().forkMeans();
        double avg = (means[0] + means[1]) / 2;
        assertThat(avg).isCloseTo(r.primary().score(), org.assertj.core.data.Percentage.withPercentage(50));
    }

    @Test
    void oldDotPrefixAndNewNamesAreTheSameMetric() throws IOException {
        assertThat(read("old-prefix.json").get(0).secondary().keySet())
                .isEqualTo(read("thrpt-gc.json").get(0).secondary().keySet());
    }

    @Test
    void missingRawDataGivesNoForksAndNanError() throws IOException {
        Metric m = read("norawdata.json").get(0).primary();
        assertThat(m.forks()).isEmpty();
        assertThat(m.error()).isNaN();
        assertThat(m.confidence().known()).isFalse();
    }

    @Test
    void nonFiniteStringsAreParsed() {
        assertThat(JmhJsonReader.number(new com.google.gson.JsonPrimitive("-INF"))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(JmhJsonReader.number(new com.google.gson.JsonPrimitive("INF"))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(JmhJsonReader.number(new com.google.gson.JsonPrimitive("NaN"))).isNaN();
    }

    @Test
    void badInputNamesTheSourceAndTheProblem() {
        assertThatThrownBy(() -> JmhJsonReader.read(new StringReader("{}"), "x.json"))
                .hasMessageContaining("x.json").hasMessageContaining("JSON array");
        assertThatThrownBy(() -> JmhJsonReader.read(new StringReader("[{\"benchmark\":\"a.B.c\",\"mode\":\"fast\"}]"), "y.json"))
                .hasMessageContaining("y.json: entry 0").hasMessageContaining("'fast'");
    }

    static List<BenchmarkResult> read(String resource) throws IOException {
        try (InputStream in = JmhJsonReaderTest.class.getResourceAsStream("/jmh/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return JmhJsonReader.read(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        }
    }

    /** A stable, locale-independent text form of everything the reader extracted. */
    static String dump(List<BenchmarkResult> results) {
        StringBuilder sb = new StringBuilder();
        for (BenchmarkResult r : results) {
            sb.append(r.id().benchmark()).append(' ').append(r.id().mode().shortName()).append(' ')
                    .append(r.id().params()).append(" threads=").append(r.threads()).append(" forks=")
                    .append(r.forkCount()).append(" wi=").append(r.warmupIterations()).append(" i=")
                    .append(r.measurementIterations()).append(" jmh=").append(r.jmhVersion()).append('\n');
            metric(sb, r.primary());
            for (Map.Entry<String, Metric> e : r.secondary().entrySet()) {
                metric(sb, e.getValue());
            }
        }
        return sb.toString();
    }

    private static void metric(StringBuilder sb, Metric m) {
        sb.append("  ").append(m.name()).append(" [").append(m.unit()).append(", ").append(m.direction().wireName())
                .append("] score=").append(f(m.score())).append(" error=").append(f(m.error())).append(" ci=")
                .append(f(m.confidence().lower())).append("..").append(f(m.confidence().upper())).append(" forks=");
        sb.append(m.forks().stream().map(fk -> fk.stream().map(JmhJsonReaderTest::f).toList().toString()).toList());
        sb.append('\n');
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.6g", d);
    }
}
