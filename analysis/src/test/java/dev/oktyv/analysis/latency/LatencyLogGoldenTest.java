package dev.oktyv.analysis.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code latency-v1.hlog} is a log the load runner wrote before the run-folder refactor ({@code load database
 * --concurrency 1 --duration 2s --warmup 0s}: a closed model without a rate, so service tags only). Like
 * HdrHistogram's own tests of logs from older versions, the reader must keep reading it; the figures are those of
 * the {@code summary.json} written with it (2033 operations, service p99 11239.423 us).
 */
class LatencyLogGoldenTest {

    @Test
    void readsALogWrittenBeforeTheRefactor() throws Exception {
        Path golden = Path.of(getClass().getResource("/latency/latency-v1.hlog").toURI());
        LatencyLog log = LatencyLog.read(golden);
        assertThat(log.byTag()).containsOnlyKeys(LatencyLog.SERVICE);
        assertThat(log.total(LatencyLog.SERVICE).orElseThrow().getTotalCount()).isEqualTo(2033);
        assertThat(log.byTag().get(LatencyLog.SERVICE)).hasSize(3);
        assertThat(log.byTag().get(LatencyLog.SERVICE).stream().mapToDouble(LatencyLog.Interval::lengthSeconds).sum())
                .isCloseTo(2.0, within(0.1));
        // HdrHistogram keeps 3 significant digits: the summary's p99 and the log's agree to 0.1 %.
        assertThat(log.p99Nanos(LatencyLog.SERVICE)).isCloseTo(11_239_423, within(11_239.423 * 1000 * 0.001));
        assertThat(log.p99Nanos(LatencyLog.CORRECTED)).isNaN();
    }
}
