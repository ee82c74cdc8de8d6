package dev.oktyv.bench.load.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntervalLogTest {

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsReadBackByHdrHistogramsOwnReaderWithTagsCountsAndPercentiles() throws Exception {
        long start = 1_790_000_000_000L;
        List<Histogram> written = new ArrayList<>();
        try (IntervalLog log = new IntervalLog(dir, start, "test run")) {
            for (int second = 0; second < 3; second++) {
                for (String tag : List.of(IntervalLog.CORRECTED, IntervalLog.SERVICE)) {
                    Histogram h = new Histogram(3);
                    for (int i = 1; i <= 1000; i++) {
                        h.recordValue(i * 1_000L * (second + 1) * (tag.equals(IntervalLog.CORRECTED) ? 3 : 1));
                    }
                    h.setStartTimeStamp(start + second * 1000L);
                    h.setEndTimeStamp(start + (second + 1) * 1000L);
                    log.write(tag, h);
                    written.add(h.copy());
                }
            }
            assertThat(dir.resolve(dev.oktyv.results.load.LoadFolder.LATENCY_HLOG + ".partial")).exists();
        }
        assertThat(dir.resolve(dev.oktyv.results.load.LoadFolder.LATENCY_HLOG + ".partial")).doesNotExist();
        assertThat(Files.readString(dir.resolve(dev.oktyv.results.load.LoadFolder.LATENCY_HLOG))).contains("#[StartTime: 1790000000");

        HistogramLogReader reader = new HistogramLogReader(dir.resolve(dev.oktyv.results.load.LoadFolder.LATENCY_HLOG).toFile());
        List<Histogram> read = new ArrayList<>();
        for (EncodableHistogram e = reader.nextIntervalHistogram(); e != null; e = reader.nextIntervalHistogram()) {
            read.add((Histogram) e);
        }
        assertThat(read).hasSize(written.size());
        for (int i = 0; i < read.size(); i++) {
            Histogram r = read.get(i);
            Histogram w = written.get(i);
            assertThat(r.getTag()).isEqualTo(i % 2 == 0 ? IntervalLog.CORRECTED : IntervalLog.SERVICE);
            assertThat(r.getTotalCount()).isEqualTo(w.getTotalCount());
            for (double p : new double[] {50, 90, 99, 99.9, 100}) {
                assertThat(r.getValueAtPercentile(p)).isEqualTo(w.getValueAtPercentile(p));
            }
            assertThat(r.getStartTimeStamp()).isEqualTo(w.getStartTimeStamp());
        }
        assertThat(reader.getStartTimeSec()).isEqualTo(start / 1000.0);
    }
}
