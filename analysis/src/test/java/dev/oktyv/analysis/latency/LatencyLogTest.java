package dev.oktyv.analysis.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class LatencyLogTest {

    @TempDir
    Path dir;

    /** Writes a log like the load runner's: per second, a corrected and a service histogram (nanoseconds). */
    public static Path writeLog(Path file, int seconds, long serviceNanos, long correctedNanos) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, "UTF-8")) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            w.outputLogFormatVersion();
            w.outputBaseTime(0);
            w.outputLegend();
            for (int s = 0; s < seconds; s++) {
                Histogram corrected = new Histogram(3_600_000_000_000L, 3);
                Histogram service = new Histogram(3_600_000_000_000L, 3);
                for (int i = 0; i < 1000; i++) {
                    service.recordValue(serviceNanos + i * 1000L);
                    corrected.recordValue((i >= 980 ? correctedNanos : serviceNanos) + i * 1000L);
                }
                for (Histogram h : new Histogram[] {corrected, service}) {
                    h.setStartTimeStamp(s * 1000L);
                    h.setEndTimeStamp((s + 1) * 1000L);
                }
                corrected.setTag(LatencyLog.CORRECTED);
                service.setTag(LatencyLog.SERVICE);
                w.outputIntervalHistogram(corrected);
                w.outputIntervalHistogram(service);
            }
        }
        return file;
    }

    @Test
    void splitsByTagAndIntervalsAddUpToTheTotal() throws IOException {
        LatencyLog log = LatencyLog.read(writeLog(dir.resolve("latency.hlog"), 3, 1_000_000, 50_000_000));
        assertThat(log.byTag()).containsOnlyKeys("corrected", "service");
        assertThat(log.byTag().get("service")).hasSize(3);
        assertThat(log.total("service").orElseThrow().getTotalCount()).isEqualTo(3000);
        assertThat(log.p99Nanos("corrected")).isGreaterThan(40e6);
        assertThat(log.p99Nanos("service")).isLessThan(3e6);
        assertThat(log.p99Nanos("missing")).isNaN();
    }
}
