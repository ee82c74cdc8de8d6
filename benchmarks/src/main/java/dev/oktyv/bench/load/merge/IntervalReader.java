package dev.oktyv.bench.load.merge;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads an agent's {@code latency.hlog} one interval at a time, in file order, checking what a one-pass merge
 * relies on: every interval is a {@link Histogram}, and no interval starts in an earlier wall-clock second than the
 * one before it (an agent writes its intervals as time goes, so a log that goes back was not written by one).
 */
final class IntervalReader implements AutoCloseable {

    private final Path log;
    private final HistogramLogReader reader;
    private long lastSecond = Long.MIN_VALUE;

    IntervalReader(Path log) {
        this.log = log;
        try {
            this.reader = new HistogramLogReader(log.toFile());
        } catch (FileNotFoundException e) {
            throw new MergeInputException(log + ": missing", e);
        }
    }

    /** The wall-clock second (epoch seconds) an interval is merged into: the one its start is nearest to. */
    static long second(Histogram h) {
        return Math.floorDiv(h.getStartTimeStamp() + 500, 1000);
    }

    /** The next interval, or null at the end of the log. */
    Histogram next() {
        EncodableHistogram h;
        try {
            h = reader.nextIntervalHistogram();
        } catch (RuntimeException e) {
            throw new MergeInputException(log + ": not an HdrHistogram log: " + e.getMessage(), e);
        }
        if (h == null) {
            return null;
        }
        if (!(h instanceof Histogram histogram)) {
            throw new MergeInputException(log + ": interval of an unexpected kind " + h.getClass().getSimpleName()
                    + " (tag " + h.getTag() + ")");
        }
        long second = second(histogram);
        if (second < lastSecond) {
            throw new MergeInputException(log + ": an interval starting at " + histogram.getStartTimeStamp()
                    + " ms follows one of a later second; the log is out of time order");
        }
        lastSecond = second;
        return histogram;
    }

    @Override
    public void close() {
        reader.close();
    }
}
