package dev.oktyv.analysis.testing;

import dev.oktyv.analysis.latency.LatencyLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A latency.hlog shaped like a real load run: about 1.2 million requests per second, p99 between 2 and 5 ms
 * (within one decade), and a first and last interval that straddle the measured window and hold only a few
 * requests, as the load runner's sampler writes them.
 */
public final class LoadLogs {

    public static final long[] COUNTS = {3_000, 1_200_000, 1_250_000, 1_180_000, 1_300_000, 1_220_000, 1_260_000, 500};
    public static final long[] P99_MICROS = {2_000, 2_400, 3_100, 2_200, 4_800, 2_600, 3_900, 2_100};

    private LoadLogs() {
    }

    public static Path write(Path file) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, "UTF-8")) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            w.outputLogFormatVersion();
            w.outputBaseTime(0);
            w.outputLegend();
            for (int s = 0; s < COUNTS.length; s++) {
                for (String tag : new String[] {LatencyLog.CORRECTED, LatencyLog.SERVICE}) {
                    Histogram h = new Histogram(3_600_000_000_000L, 3);
                    long tail = Math.max(1, COUNTS[s] / 50); // 2% at the p99 value: p99 lands on it
                    long p99 = P99_MICROS[s] * 1000 / (tag.equals(LatencyLog.SERVICE) ? 2 : 1);
                    h.recordValueWithCount(400_000, COUNTS[s] - tail);
                    h.recordValueWithCount(p99, tail);
                    h.setStartTimeStamp(s * 1000L);
                    h.setEndTimeStamp((s + 1) * 1000L);
                    h.setTag(tag);
                    w.outputIntervalHistogram(h);
                }
            }
        }
        return file;
    }
}
