package dev.oktyv.analysis.profile;

import dev.oktyv.analysis.model.IoTarget;
import java.util.OptionalLong;
import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.model.WaitKind;
import dev.oktyv.profiles.flame.JfrStackReader;
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
    /** Allocation from the TLAB events: async-profiler writes these, not jdk.ObjectAllocationSample. */
    private final FrameHistogram.Builder tlabAlloc = new FrameHistogram.Builder("alloc");
    private final ThreadActivityCollector threads = new ThreadActivityCollector();
    private final Map<RecordedStackTrace, String> waitingFrames = new IdentityHashMap<>();
    private final Map<Long, String> typeNames = new HashMap<>();
    private final java.util.Set<Long> enabledTypeIds = new java.util.HashSet<>();
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
            "jdk.FileForce", "jdk.JavaMonitorWait", "jdk.ThreadSleep", "jdk.ObjectAllocationInNewTLAB",
            "jdk.ObjectAllocationOutsideTLAB", "profiler.WallClockSample",
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
            es.onMetadata(m -> m.getEventTypes().forEach(t -> d.typeNames.put(t.getId(), t.getName())));
            es.onEvent("jdk.ActiveSetting", d::setting);
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
        String type = e.getEventType().getName();
        boolean sample = type.equals("jdk.ExecutionSample") || type.equals("profiler.WallClockSample");
        String group = threads.group(sample ? e.getThread("sampledThread") : e.getThread());
        switch (type) {
            case "jdk.ExecutionSample" -> {
                cpu.add(stack(e), 1);
                threads.cpuSample(group);
            }
            case "profiler.WallClockSample" -> threads.wallSample(group, stack(e),
                    e.hasField("samples") ? Math.max(1, e.getLong("samples")) : 1);
            // The allocated type as the leaf, as in async-profiler's and the flame graphs' allocation stacks, so a
            // site is a type with its allocating method. Weights as the flame graphs' (see JfrStackReader).
            case "jdk.ObjectAllocationSample" -> alloc.add(allocationStack(e), e.getLong("weight"));
            case "jdk.ObjectAllocationInNewTLAB" -> tlabAlloc.add(allocationStack(e),
                    e.getLong("tlabSize") > 0 ? e.getLong("tlabSize") : e.getLong("allocationSize"));
            case "jdk.ObjectAllocationOutsideTLAB" -> tlabAlloc.add(allocationStack(e), e.getLong("allocationSize"));
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
                waited(e, group, WaitKind.LOCK, className(e, "monitorClass"));
            }
            case "jdk.ThreadPark" -> {
                parkByClass.merge(className(e, "parkedClass"), (double) e.getDuration().toNanos(), Double::sum);
                waited(e, group, WaitKind.PARK, className(e, "parkedClass"));
            }
            case "jdk.JavaMonitorWait" -> waited(e, group, WaitKind.OBJECT_WAIT, className(e, "monitorClass"));
            case "jdk.ThreadSleep" -> waited(e, group, WaitKind.SLEEP, "");
            case "jdk.FileForce" -> waited(e, group, WaitKind.FILE_SYNC, IoTarget.file(stringField(e, "path")).toString());
            case "jdk.JavaExceptionThrow", "jdk.JavaErrorThrow" -> {
                exceptionEventsSeen = true;
                exceptionEvents++;
            }
            case "jdk.ExceptionStatistics" -> {
                double n = e.getLong("throwables");
                statsMin = Double.isNaN(statsMin) ? n : Math.min(statsMin, n);
                statsMax = Double.isNaN(statsMax) ? n : Math.max(statsMax, n);
            }
            case "jdk.FileRead" -> io(IoTarget.file(e.getString("path")), e, "bytesRead", group, WaitKind.FILE_READ);
            case "jdk.FileWrite" -> io(IoTarget.file(e.getString("path")), e, "bytesWritten", group, WaitKind.FILE_WRITE);
            case "jdk.SocketRead" -> io(IoTarget.socket(e.getString("host"), e.getInt("port")), e, "bytesRead", group,
                    WaitKind.SOCKET_READ);
            case "jdk.SocketWrite" -> io(IoTarget.socket(e.getString("host"), e.getInt("port")), e, "bytesWritten", group,
                    WaitKind.SOCKET_WRITE);
            default -> {
            }
        }
    }

    /** jdk.ActiveSetting: which event types were enabled, by id (named once the metadata is known). */
    private void setting(RecordedEvent e) {
        if ("enabled".equals(e.getString("name")) && "true".equals(e.getString("value"))) {
            enabledTypeIds.add(e.getLong("id"));
        }
    }

    private java.util.Set<String> enabledEvents() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (long id : enabledTypeIds) {
            String n = typeNames.get(id);
            if (n != null) {
                names.add(n);
            }
        }
        return names;
    }

    private void io(IoTarget target, RecordedEvent e, String bytesField, String group, WaitKind kind) {
        ioNanos.merge(target, (double) e.getDuration().toNanos(), Double::sum);
        ioBytes.merge(target, (double) Math.max(0, e.getLong(bytesField)), Double::sum);
        waited(e, group, kind, target.toString());
    }

    /** One wait event: its duration under its thread group, kind, target and the application frame that waited. */
    private void waited(RecordedEvent e, String group, WaitKind kind, String target) {
        RecordedStackTrace st = e.getStackTrace();
        String frame = st == null ? "[no stack]" : waitingFrames.computeIfAbsent(st, s -> WaitClassifier.waitingFrame(stack(e)));
        threads.waited(group, kind, target, frame, e.getDuration().toNanos());
    }

    private List<String> allocationStack(RecordedEvent e) {
        return withLeaf(stack(e), JfrStackReader.javaName(className(e, "objectClass")));
    }

    private static String stringField(RecordedEvent e, String field) {
        return e.hasField(field) && e.getString(field) != null ? e.getString(field) : "unknown";
    }

    private static List<String> withLeaf(List<String> rootFirst, String leaf) {
        if (rootFirst.isEmpty()) {
            return rootFirst;
        }
        List<String> s = new ArrayList<>(rootFirst.size() + 1);
        s.addAll(rootFirst);
        s.add(leaf);
        return s;
    }

    private static String className(RecordedEvent e, String field) {
        if (!e.hasField(field)) {
            return "unknown";
        }
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
            // Named as in the flame graphs: async-profiler's native frames by their symbol alone.
            out.add(FrameNormaliser.STANDARD.normalise(JfrStackReader.frameName(fs.get(i))));
        }
        return out;
    }

    private JfrDigest build(Path file) {
        double duration = first == null ? Double.NaN : java.time.Duration.between(first, last).toNanos();
        double exceptions = exceptionEventsSeen ? exceptionEvents
                : Double.isNaN(statsMax) ? Double.NaN : statsMax - statsMin;
        // Never both: the TLAB events would double-count what the samples already weigh (as in JfrStackReader).
        FrameHistogram.Builder allocation = alloc.isEmpty() ? tlabAlloc : alloc;
        return new JfrDigest(file, duration, opt(cpu.source(file)), opt(allocation.source(file)),
                gcCount == 0 ? OptionalLong.empty() : OptionalLong.of(gcCount), gcCount == 0 ? Double.NaN : gcPauseNanos,
                gcCount == 0 ? Double.NaN : gcLongestNanos, exceptions, monitorByClass, opt(monitorSites.source(file)),
                parkByClass, ioNanos, ioBytes, threads.build(), enabledEvents());
    }

    private static Optional<FrameHistogram> opt(FrameHistogram.Builder b) {
        return b.isEmpty() ? Optional.empty() : Optional.of(b.build());
    }
}
