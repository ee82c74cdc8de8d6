package dev.oktyv.bench.load.merge;

import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.load.LoadSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * One agent's scenario folder as read for a merge: its summary, and what one pass over its latency log found (the
 * tags, the first interval's start) without keeping the intervals: the merge reads the log again, interval by
 * interval ({@link #openLog()}), so a long run is never held in memory.
 *
 * @param run the agent's run folder id, recorded in the merged summary
 * @param firstIntervalStartMs the first interval's start (epoch ms), {@link Long#MAX_VALUE} for a log without one
 */
public record AgentRun(String run, LoadFolder folder, LoadSummary summary, Set<String> tags, long firstIntervalStartMs,
                       long intervals) {

    public AgentRun {
        tags = Set.copyOf(tags);
    }

    /**
     * Reads {@code folder}; a missing or unreadable file is a {@link MergeInputException} naming it. A log that is
     * still {@code .partial} is refused: that agent did not finish, and merging it would pass off part of its run as
     * all of it. So is a log whose intervals go back in time, which a one-pass merge cannot align.
     */
    public static AgentRun read(String run, LoadFolder folder) {
        LoadSummary summary;
        try {
            summary = folder.readSummary().orElseThrow(() -> new MergeInputException(folder.summary()
                    + ": missing (a stress run or an unfinished agent is not merged)"));
        } catch (IOException e) {
            throw new MergeInputException(e.getMessage(), e);
        }
        if (!Files.isRegularFile(folder.latencyLog())) {
            throw new MergeInputException(folder.latencyLog() + ": missing"
                    + (Files.exists(folder.latencyLogPartial()) ? " (only the partial log of an unfinished run)" : ""));
        }
        Set<String> tags = new TreeSet<>();
        long first = Long.MAX_VALUE;
        long count = 0;
        try (IntervalReader reader = new IntervalReader(folder.latencyLog())) {
            Histogram h;
            while ((h = reader.next()) != null) {
                tags.add(h.getTag() == null ? "" : h.getTag());
                first = Math.min(first, h.getStartTimeStamp());
                count++;
            }
        }
        return new AgentRun(run, folder, summary, tags, first, count);
    }

    /** A new reader of its latency log, from the first interval. */
    IntervalReader openLog() {
        return new IntervalReader(folder.latencyLog());
    }
}
