package dev.oktyv.bench.load.merge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Adds the agents' interval logs per tag and wall-clock second in one pass, without holding them: each log is read
 * in its own (time) order, one interval of look-ahead per agent, and the agents' heads are taken smallest second
 * first, so a second is complete, handed to the sink and dropped as soon as every head has moved past it. What is
 * held at any time is one head per agent, one histogram per tag for the current second, and one running total per
 * tag, however long the run (see {@link Result#peakHistogramsHeld()}). Addition is exact, as before: the same
 * histograms are added, only in another order, and HdrHistogram addition adds counts bucket by bucket.
 */
final class SecondMerger {

    /** Receives each merged second, in increasing order, with its histogram per tag. */
    @FunctionalInterface
    interface Sink {
        void accept(long second, Map<String, Histogram> byTag) throws IOException;
    }

    /**
     * @param totals per tag, the sum of every interval of every agent
     * @param seconds the merged seconds handed to the sink
     * @param peakHistogramsHeld the most histograms held at once (heads, current second, totals)
     */
    record Result(Map<String, Histogram> totals, long seconds, int peakHistogramsHeld) {
    }

    private record Head(int agent, Histogram interval, long second) {
    }

    private SecondMerger() {
    }

    static Result merge(List<AgentRun> agents, Sink sink) throws IOException {
        List<IntervalReader> readers = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong(Head::second)
                    .thenComparingInt(Head::agent));
            for (AgentRun a : agents) {
                readers.add(a.openLog());
                advance(readers, readers.size() - 1, heads);
            }
            Map<String, Histogram> totals = new TreeMap<>();
            Map<String, Histogram> current = new TreeMap<>();
            long currentSecond = Long.MIN_VALUE;
            long seconds = 0;
            int peak = 0;
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                if (head.second() != currentSecond && !current.isEmpty()) {
                    sink.accept(currentSecond, current);
                    seconds++;
                    current = new TreeMap<>();
                }
                currentSecond = head.second();
                Histogram h = head.interval();
                Histogram slot = current.computeIfAbsent(h.getTag(), t -> empty(h));
                slot.add(h);
                slot.setStartTimeStamp(Math.min(slot.getStartTimeStamp(), h.getStartTimeStamp()));
                slot.setEndTimeStamp(Math.max(slot.getEndTimeStamp(), h.getEndTimeStamp()));
                totals.computeIfAbsent(h.getTag(), t -> new Histogram(h.getNumberOfSignificantValueDigits())).add(h);
                // The polled head is still referenced here, so it counts with the others.
                peak = Math.max(peak, heads.size() + 1 + current.size() + totals.size());
                advance(readers, head.agent(), heads);
            }
            if (!current.isEmpty()) {
                sink.accept(currentSecond, current);
                seconds++;
            }
            return new Result(totals, seconds, peak);
        } finally {
            readers.forEach(IntervalReader::close);
        }
    }

    private static void advance(List<IntervalReader> readers, int agent, PriorityQueue<Head> heads) {
        Histogram next = readers.get(agent).next();
        if (next != null) {
            heads.add(new Head(agent, next, IntervalReader.second(next)));
        }
    }

    private static Histogram empty(Histogram like) {
        Histogram h = new Histogram(like.getNumberOfSignificantValueDigits());
        h.setStartTimeStamp(like.getStartTimeStamp());
        h.setEndTimeStamp(like.getEndTimeStamp());
        return h;
    }
}
