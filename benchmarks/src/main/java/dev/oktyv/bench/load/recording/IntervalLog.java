package dev.oktyv.bench.load.recording;

import dev.oktyv.results.load.LoadFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * {@code latency.hlog}: one interval histogram per second per tag ({@value #CORRECTED}, {@value #SERVICE}), in
 * HdrHistogram's log format, values in nanoseconds. It is streamed to {@code latency.hlog.partial} while the run
 * goes (memory stays flat) and renamed when complete, so a crashed run leaves an honest partial file.
 */
public final class IntervalLog implements AutoCloseable {

    public static final String CORRECTED = "corrected";
    public static final String SERVICE = "service";

    private final Path target;
    private final Path partial;
    private final OutputStream out;
    private final HistogramLogWriter writer;
    private boolean closed;

    public IntervalLog(Path directory, long startEpochMillis, String comment) throws IOException {
        Files.createDirectories(directory);
        this.target = new LoadFolder(directory).latencyLog();
        this.partial = new LoadFolder(directory).latencyLogPartial();
        this.out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.writer = new HistogramLogWriter(new PrintStream(out, false, StandardCharsets.UTF_8));
        writer.outputLogFormatVersion();
        writer.outputComment(comment.replace('\n', ' '));
        writer.outputComment("values in nanoseconds; tags: corrected = from intended start, service = from actual start");
        writer.outputStartTime(startEpochMillis);
        writer.setBaseTime(startEpochMillis);
        writer.outputBaseTime(startEpochMillis);
        writer.outputLegend();
    }

    /** Writes one interval; the histogram's start and end time stamps (epoch ms) must be set. */
    public synchronized void write(String tag, Histogram interval) {
        interval.setTag(tag);
        writer.outputIntervalHistogram(interval);
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.flush();
        out.close();
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
