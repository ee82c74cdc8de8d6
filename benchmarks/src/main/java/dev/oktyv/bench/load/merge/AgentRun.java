package dev.oktyv.bench.load.merge;

import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.load.LoadSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * One agent's scenario folder as read for a merge: its summary and every interval histogram of its latency log
 * (tag and absolute start/end time stamps, epoch ms, kept on each histogram).
 *
 * @param run the agent's run folder id, recorded in the merged summary
 */
public record AgentRun(String run, LoadFolder folder, LoadSummary summary, List<Histogram> intervals) {

    public AgentRun {
        intervals = List.copyOf(intervals);
    }

    /**
     * Reads {@code folder}; a missing or unreadable file is a {@link MergeInputException} naming it. A log that is
     * still {@code .partial} is refused: that agent did not finish, and merging it would pass off part of its run as
     * all of it.
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
        return new AgentRun(run, folder, summary, readIntervals(folder));
    }

    private static List<Histogram> readIntervals(LoadFolder folder) {
        List<Histogram> out = new java.util.ArrayList<>();
        try {
            HistogramLogReader reader = new HistogramLogReader(folder.latencyLog().toFile());
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (!(h instanceof Histogram histogram)) {
                    throw new MergeInputException(folder.latencyLog() + ": interval of an unexpected kind "
                            + h.getClass().getSimpleName() + " (tag " + h.getTag() + ")");
                }
                out.add(histogram);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MergeInputException m) {
                throw m;
            }
            throw new MergeInputException(folder.latencyLog() + ": not an HdrHistogram log: " + e.getMessage(), e);
        }
        return out;
    }

    /** The tags its intervals carry. */
    public Set<String> tags() {
        Set<String> tags = new TreeSet<>();
        for (Histogram h : intervals) {
            tags.add(h.getTag() == null ? "" : h.getTag());
        }
        return tags;
    }
}
