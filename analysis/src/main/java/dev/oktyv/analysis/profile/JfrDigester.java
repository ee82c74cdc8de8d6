package dev.oktyv.analysis.profile;

import dev.oktyv.analysis.model.IoTarget;
import java.util.OptionalLong;
import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.profiles.flame.FrameNormaliser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.EventStream;

/**
 * Reduces a JFR recording to a {@link JfrDigest} in one streaming pass with {@code jdk.jfr.consumer}.
 * Stack traces are converted to frame lists once per distinct trace object (the parser shares them within a
 * chunk), which keeps a 100 MB recording affordable.
 */
public final class JfrDigester {

    private static final int MAX_DEPTH = 128;

    private final Map<RecordedStackTrace, List<String>> stackCache = new IdentityHashMap<>();
    private final FrameHistogram.Builder cpu = new FrameHistogram.Builder("cpu");
    private final FrameHistogram.Builder alloc = new FrameHistogram.Builder("alloc");
    private final FrameHistogram.Builder monitorSites = new FrameHistogram.Builder("lock");
    private final Map<String, Double> monitorByClass = new HashMap<>();
    private final Map<String, Double> parkByClass = new HashMap<>();
    private final Map<IoTarget, Double> ioNanos = new HashMap<>();
    private final Map<IoTarget, Double> ioBytes = new HashMap<>();
    private Instant first;
    private Instant last;
    private long gcCount;
    private double gcPauseNanos;
    private double gcLongestNanos;
    private long exceptionEvents;
    private boolean exceptionEventsSeen;
    private double statsMin = Double.NaN;
    private double statsMax = Double.NaN;

    private JfrDigester() {
    }

    /** The events the rules read, plus periodic events that only serve to measure the recording's span. */
    static final List<String> EVENTS = List.of("jdk.ExecutionSample", "jdk.ObjectAllocationSample", "jdk.GarbageCollection",
            "jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.JavaExceptionThrow", "jdk.JavaErrorThrow",
            "jdk.ExceptionStatistics", "jdk.FileRead", "jdk.FileWrite", "jdk.SocketRead", "jdk.SocketWrite",
            "jdk.CPULoad", "jdk.GCHeapSummary", "jdk.ThreadCPULoad", "jdk.JVMInformation");

    public static JfrDigest digest(Path file) throws IOException {
        JfrDigester d = new JfrDigester();
        checkMagic(file);
        // An EventStream with one handler per event type lets the parser skip the events no rule reads (a
        // recording can hold millions of them); unordered, because the sums do not depend on order.
        try (EventStream es = EventStream.openFile(file)) {
            es.setOrdered(false);
            for (String name : EVENTS) {
                es.onEvent(name, d::accept);
            }
            es.start();
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a readable JFR recording (" + e.getMessage() + ")", e);
        }
        return d.build(file);
    }

    private static void checkMagic(Path file) throws IOException {
        byte[] head = new byte[4];
        try (var in = java.nio.file.Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4 || head[0] != 'F' || head[1] != 'L' || head[2] != 'R' || head[3] != 0) {
                throw new IOException(file + ": not a readable JFR recording (no FLR magic)");
            }
        }
    }

    private void accept(RecordedEvent e) {
        Instant s = e.getStartTime();
        Instant en = e.getEndTime();
        if (first == null || s.isBefore(first)) {
            first = s;
        }
        if (last == null || en.isAfter(last)) {
            last = en;
        }
        switch (e.getEventType().getName()) {
            case "jdk.ExecutionSample" -> cpu.add(stack(e), 1);
            case "jdk.ObjectAllocationSample" -> alloc.add(stack(e), e.getLong("weight"));
            case "jdk.GarbageCollection" -> {
                gcCount++;
                double pauses = e.getDuration("sumOfPauses").toNanos();
                gcPauseNanos += pauses;
                gcLongestNanos = Math.max(gcLongestNanos, e.getDuration("longestPause").toNanos());
            }
            case "jdk.JavaMonitorEnter" -> {
                double ns = e.getDuration().toNanos();
                monitorByClass.merge(className(e, "monitorClass"), ns, Double::sum);
                monitorSites.add(stack(e), ns);
            }
            case "jdk.ThreadPark" -> parkByClass.merge(className(e, "parkedClass"), (double) e.getDuration().toNanos(), Double::sum);
            case "jdk.JavaExceptionThrow", "jdk.JavaErrorThrow" -> {
                exceptionEventsSeen = true;
                exceptionEvents++;
            }
            case "jdk.ExceptionStatistics" -> {
                double n = e.getLong("throwables");
                statsMin = Double.isNaN(statsMin) ? n : Math.min(statsMin, n);
                statsMax = Double.isNaN(statsMax) ? n : Math.max(statsMax, n);
            }
            case "jdk.FileRead" -> io(IoTarget.file(e.getString("path")), e, "bytesRead");
            case "jdk.FileWrite" -> io(IoTarget.file(e.getString("path")), e, "bytesWritten");
            case "jdk.SocketRead" -> io(IoTarget.socket(e.getString("host"), e.getInt("port")), e, "bytesRead");
            case "jdk.SocketWrite" -> io(IoTarget.socket(e.getString("host"), e.getInt("port")), e, "bytesWritten");
            default -> {
            }
        }
    }

    private void io(IoTarget target, RecordedEvent e, String bytesField) {
        ioNanos.merge(target, (double) e.getDuration().toNanos(), Double::sum);
        ioBytes.merge(target, (double) Math.max(0, e.getLong(bytesField)), Double::sum);
    }

    private static String className(RecordedEvent e, String field) {
        RecordedClass c = e.getValue(field);
        return c == null ? "unknown" : c.getName();
    }

    private List<String> stack(RecordedEvent e) {
        RecordedStackTrace st = e.getStackTrace();
        if (st == null) {
            return List.of();
        }
        return stackCache.computeIfAbsent(st, JfrDigester::frames);
    }

    /**
     * JFR lists frames leaf first; histograms want root first. Names are normalised as in flame graphs, so a hot
     * lambda is one frame across recordings and runs rather than one per JVM.
     */
    private static List<String> frames(RecordedStackTrace st) {
        List<RecordedFrame> fs = st.getFrames();
        int n = Math.min(fs.size(), MAX_DEPTH);
        List<String> out = new ArrayList<>(n);
        for (int i = n - 1; i >= 0; i--) {
            RecordedFrame f = fs.get(i);
            out.add(f.getMethod() == null ? "unknown"
                    : FrameNormaliser.STANDARD.normalise(f.getMethod().getType().getName() + "." + f.getMethod().getName()));
        }
        return out;
    }

    private JfrDigest build(Path file) {
        double duration = first == null ? Double.NaN : java.time.Duration.between(first, last).toNanos();
        double exceptions = exceptionEventsSeen ? exceptionEvents
                : Double.isNaN(statsMax) ? Double.NaN : statsMax - statsMin;
        return new JfrDigest(file, duration, opt(cpu.source(file)), opt(alloc.source(file)),
                gcCount == 0 ? OptionalLong.empty() : OptionalLong.of(gcCount), gcCount == 0 ? Double.NaN : gcPauseNanos,
                gcCount == 0 ? Double.NaN : gcLongestNanos, exceptions, monitorByClass, opt(monitorSites.source(file)),
                parkByClass, ioNanos, ioBytes);
    }

    private static Optional<FrameHistogram> opt(FrameHistogram.Builder b) {
        return b.isEmpty() ? Optional.empty() : Optional.of(b.build());
    }
}
