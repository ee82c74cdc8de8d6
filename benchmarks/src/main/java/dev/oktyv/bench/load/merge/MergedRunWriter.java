package dev.oktyv.bench.load.merge;

import dev.oktyv.bench.load.recording.IntervalLog;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.load.LoadSummaryJson;
import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Writes a merged scenario into its scenario folder of the new run: the merged intervals as a latency log of the
 * same format an agent writes (streamed to the partial file, renamed when complete), then the summary, atomically.
 */
public final class MergedRunWriter {

    private MergedRunWriter() {
    }

    public static void write(LoadMerger.Merged merged, LoadFolder folder, String comment) throws IOException {
        TreeSet<Long> seconds = new TreeSet<>();
        long start = merged.summary().startedAt().toEpochMilli();
        for (SortedMap<Long, Histogram> byTag : merged.intervals().values()) {
            seconds.addAll(byTag.keySet());
            if (!byTag.isEmpty()) {
                start = Math.min(start, byTag.get(byTag.firstKey()).getStartTimeStamp());
            }
        }
        try (IntervalLog log = new IntervalLog(folder.path(), start, comment)) {
            for (long second : seconds) {
                // Tags in the agents' order (corrected before service) so the merged log reads like an agent's.
                for (String tag : new String[] {IntervalLog.CORRECTED, IntervalLog.SERVICE}) {
                    Map<Long, Histogram> byTag = merged.intervals().get(tag);
                    Histogram h = byTag == null ? null : byTag.get(second);
                    if (h != null) {
                        log.write(tag, h);
                    }
                }
            }
        }
        AtomicFiles.writeString(folder.summary(), LoadSummaryJson.write(merged.summary()));
    }
}
