package dev.oktyv.bench.load.merge;

import dev.oktyv.bench.load.recording.IntervalLog;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.load.LoadSummaryJson;
import java.io.IOException;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Merges one scenario of N agents into its scenario folder of the new run: the merged intervals, written second by
 * second as the merge completes them, into a latency log of the same format an agent writes (streamed to the partial
 * file, renamed when complete), then the summary, atomically.
 */
public final class MergedRunWriter {

    private MergedRunWriter() {
    }

    /** Merges {@code agents} (already {@link LoadMerger#check checked}) into {@code folder}. */
    public static LoadMerger.Merged write(List<AgentRun> agents, LoadFolder folder, String comment) throws IOException {
        long start = Long.MAX_VALUE;
        for (AgentRun a : agents) {
            start = Math.min(start, Math.min(a.summary().startedAt().toEpochMilli(), a.firstIntervalStartMs()));
        }
        LoadMerger.Merged merged;
        try (IntervalLog log = new IntervalLog(folder.path(), start, comment)) {
            merged = LoadMerger.merge(agents, (second, byTag) -> {
                // Tags in the agents' order (corrected before service) so the merged log reads like an agent's.
                for (String tag : new String[] {IntervalLog.CORRECTED, IntervalLog.SERVICE}) {
                    Histogram h = byTag.get(tag);
                    if (h != null) {
                        log.write(tag, h);
                    }
                }
            });
        }
        AtomicFiles.writeString(folder.summary(), LoadSummaryJson.write(merged.summary()));
        return merged;
    }
}
