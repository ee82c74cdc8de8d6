package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.HashMap;
import java.util.function.Consumer;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Reads the stacks of one {@link EventKind} from a JFR file, whether it was written by the JDK
 * ({@code -XX:StartFlightRecording}, {@code jdk.jfr.Recording}) or by async-profiler, which uses the same event
 * types. Weights: cpu counts {@code jdk.ExecutionSample}s; wall counts async-profiler's
 * {@code profiler.WallClockSample.samples}, or for a JDK recording {@code jdk.ExecutionSample} plus
 * {@code jdk.NativeMethodSample}; alloc sums {@code jdk.ObjectAllocationSample.weight} when the recording has
 * it, else the TLAB events ({@code tlabSize} for a new TLAB, as async-profiler's converter does, and
 * {@code allocationSize} outside TLABs) — never both, which would double-count; lock sums the duration of
 * {@code jdk.JavaMonitorEnter} and {@code jdk.ThreadPark} in nanoseconds.
 *
 * <p>cpu, wall and alloc profiles are read by {@link FastStackReader} first, which decodes only the fields a
 * flame graph needs (2.3× {@code jfr summary} on a 100 MB allocation recording, against 5× here); when it declines
 * a file (and says so in one warning line with the reason), and for lock profiles, this class reads it with
 * {@code jdk.jfr.consumer}, the reference that tests compare the fast reader with. It uses {@link EventStream#openFile} with per-type handlers rather than
 * {@code RecordingFile}: the stream skips events of other types without materialising them.
 */
public final class JfrStackReader {

    private static final Set<String> JAVA_FRAME_TYPES = Set.of("Interpreted", "JIT compiled", "Inlined");

    private static final java.util.regex.Pattern NATIVE_LIBRARY =
            java.util.regex.Pattern.compile("\\.(so|dylib|dll)(\\.[0-9]+)*$|^\\[");

    private final boolean threads;
    private final Map<RecordedStackTrace, List<String>> stackCache = new IdentityHashMap<>();
    private final Set<String> typesSeen = new TreeSet<>();

    private JfrStackReader(boolean threads) {
        this.threads = threads;
    }

    /**
     * Reads {@code file}. A truncated file yields the complete chunks, marked incomplete; a file with no complete
     * chunk, or that is not JFR, fails with a one-line {@link ProfileInputException}.
     *
     * @param threads put the thread name as the root frame of each stack
     */
    public static StackProfile read(Path file, EventKind kind, boolean threads) throws IOException {
        return read(file, kind, threads, STDERR);
    }

    /**
     * {@link #read(Path, EventKind, boolean)} with a sink for the one-line warning printed when the fast reader
     * declines the file and the (several times slower) JDK parser reads it instead.
     */
    public static StackProfile read(Path file, EventKind kind, boolean threads, Consumer<String> warnings)
            throws IOException {
        return read(file, kind, threads, true, warnings);
    }

    /** Callers without a warning channel of their own still see a fallback: never silent. */
    private static final Consumer<String> STDERR = w -> System.err.println("warning: " + w);

    static StackProfile read(Path file, EventKind kind, boolean threads, boolean fast) throws IOException {
        return read(file, kind, threads, fast, STDERR);
    }

    /**
     * @param fast try {@link FastStackReader} first (cpu, wall, alloc); it declines anything it does not decode with
     *             a {@link dev.oktyv.profiles.jfrfile.JfrFormatException}, and this JDK-parser path reads the file
     */
    static StackProfile read(Path file, EventKind kind, boolean threads, boolean fast, Consumer<String> warnings)
            throws IOException {
        JfrChunks chunks = JfrChunks.scan(file);
        if (fast && FastStackReader.handles(kind) && chunks.completeChunks() > 0) {
            try {
                return FastStackReader.read(file, chunks.completeBytes(), kind, threads, chunks.truncationNote());
            } catch (dev.oktyv.profiles.jfrfile.JfrFormatException | RuntimeException e) {
                // Not decodable by the small reader (an uncompressed or unusual recording): the JDK parser reads it.
                // A runtime exception would be a bug in the small reader (FastStackReaderFuzzTest hunts for them);
                // the user still gets the JDK parser's answer rather than a stack trace, but is told, so that a
                // bug in the fast reader shows as a warning and not only as slowness.
                warnings.accept(fallbackWarning(file, e));
            }
        }
        if (!chunks.truncated()) {
            return new JfrStackReader(threads).parse(file, kind, "");
        }
        if (chunks.completeChunks() == 0) {
            throw new ProfileInputException("JFR recording " + file + " is truncated and has no complete chunk"
                    + " (" + chunks.fileSizeBytes() + " bytes): nothing is readable");
        }
        Path prefix = Files.createTempFile("oktyv-readable-", ".jfr");
        try {
            try (OutputStream out = Files.newOutputStream(prefix)) {
                chunks.copyComplete(file, out);
            }
            String note = chunks.truncationNote();
            StackProfile p = new JfrStackReader(threads).parse(prefix, kind, note);
            return p.withIncomplete(note);
        } finally {
            Files.deleteIfExists(prefix);
        }
    }

    /** One line: which file, why the fast reader declined it (a runtime exception also names its class). */
    static String fallbackWarning(Path file, Exception e) {
        String why = e instanceof dev.oktyv.profiles.jfrfile.JfrFormatException ? oneLine(e)
                : e.getClass().getSimpleName() + ": " + oneLine(e);
        return file + ": the fast JFR reader declined this recording (" + why
                + "); read with the JDK's parser instead, which is several times slower";
    }

    /** The event types present in {@code file} that feed some {@link EventKind}, for "try --event X" hints. */
    public static Set<EventKind> kindsPresent(Path file) throws IOException {
        Set<EventKind> present = new TreeSet<>();
        for (EventKind k : EventKind.values()) {
            if (k == EventKind.WALL) {
                continue; // a cpu recording always "has" wall samples too; not a useful hint
            }
            try {
                // The read that found the file empty already warned about a fallback; a hint need not repeat it.
                if (!read(file, k, false, true, w -> { }).isEmpty()) {
                    present.add(k);
                }
            } catch (ProfileInputException e) {
                return present;
            }
        }
        return present;
    }

    private StackProfile parse(Path file, EventKind kind, String note) throws IOException {
        Map<Key, long[]> primary = new HashMap<>();
        Map<Key, long[]> secondary = new HashMap<>();
        boolean[] primarySeen = {false};
        try (EventStream es = EventStream.openFile(file)) {
            // Order does not matter for summing weights, and sorting millions of events by time is most of the
            // cost of the default ordered stream.
            es.setOrdered(false);
            es.setReuse(true);
            switch (kind) {
                case CPU -> es.onEvent("jdk.ExecutionSample", e -> add(primary, e, null, 1));
                case WALL -> {
                    es.onEvent("profiler.WallClockSample", e -> {
                        primarySeen[0] = true;
                        add(primary, e, null, e.hasField("samples") ? Math.max(1, e.getLong("samples")) : 1);
                    });
                    es.onEvent("jdk.ExecutionSample", e -> add(secondary, e, null, 1));
                    es.onEvent("jdk.NativeMethodSample", e -> add(secondary, e, null, 1));
                }
                case ALLOC -> {
                    es.onEvent("jdk.ObjectAllocationSample", e -> {
                        primarySeen[0] = true;
                        add(primary, e, classField(e), longField(e, "weight"));
                    });
                    es.onEvent("jdk.ObjectAllocationInNewTLAB", e -> {
                        long tlab = longField(e, "tlabSize");
                        add(secondary, e, classField(e), tlab > 0 ? tlab : longField(e, "allocationSize"));
                    });
                    es.onEvent("jdk.ObjectAllocationOutsideTLAB",
                            e -> add(secondary, e, classField(e), longField(e, "allocationSize")));
                }
                case LOCK -> {
                    es.onEvent("jdk.JavaMonitorEnter", e -> add(primary, e, null, e.getDuration().toNanos()));
                    es.onEvent("jdk.ThreadPark", e -> add(primary, e, null, e.getDuration().toNanos()));
                }
                default -> throw new IllegalStateException("unhandled event kind " + kind);
            }
            es.start();
        } catch (IOException | RuntimeException e) {
            // The chunk scan said the file is whole, so the parser failing is corrupt content, not truncation.
            throw new ProfileInputException("cannot read JFR recording " + file + ": " + oneLine(e), e);
        }
        boolean usePrimary = kind == EventKind.CPU || kind == EventKind.LOCK || primarySeen[0];
        StackProfile.Builder b = StackProfile.builder(kind);
        (usePrimary ? primary : secondary).forEach((k, w) -> b.add(resolve(k), w[0]));
        return b.build(!note.isEmpty(), note);
    }

    /**
     * {@code getValue} rather than {@code getLong}: in JDK 17 {@code getLong} also looks the field's descriptor up
     * by name for every call, which was a tenth of the time of rendering a large allocation recording.
     */
    private static long longField(RecordedEvent e, String name) {
        Object v = e.getValue(name);
        return v instanceof Number n ? n.longValue() : 0;
    }

    /** {@code getValue} and a type test: the typed getter re-checks the field's declared type on every call. */
    private static RecordedClass classField(RecordedEvent e) {
        return e.getValue("objectClass") instanceof RecordedClass c ? c : null;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }

    /**
     * Identity of a stack: the parser hands out one {@link RecordedStackTrace} (and {@link RecordedClass},
     * {@link RecordedThread}) object per constant-pool entry, and these do not override {@code equals}, so this
     * key compares by identity. Weights are summed per key and the frame names built once per key, not per
     * event: a 100 MB recording has millions of events but only thousands of distinct stacks.
     */
    private record Key(RecordedStackTrace stack, RecordedClass leafClass, RecordedThread thread) {
    }

    private void add(Map<Key, long[]> acc, RecordedEvent e, RecordedClass leafClass, long weight) {
        if (weight <= 0 || !(e.getValue("stackTrace") instanceof RecordedStackTrace st)) {
            return;
        }
        RecordedThread t = null;
        if (threads) {
            t = e.hasField("sampledThread") ? e.getThread("sampledThread") : e.getThread();
        }
        long[] cell = acc.computeIfAbsent(new Key(st, leafClass, t), k -> new long[1]);
        cell[0] += weight;
    }

    private List<String> resolve(Key k) {
        List<String> stack = stackCache.computeIfAbsent(k.stack(), JfrStackReader::rootFirst);
        return decorated(threads ? threadName(k.thread()) : null, stack,
                k.leafClass() == null ? null : k.leafClass().getName());
    }

    /**
     * {@code rootFirst} with the thread's root frame in front (unless {@code threadRoot} is null) and the allocated
     * class as the leaf (unless {@code leafClass} is null). Shared by both readers so their profiles are identical.
     */
    static List<String> decorated(String threadRoot, List<String> rootFirst, String leafClass) {
        if (threadRoot == null && leafClass == null) {
            return rootFirst;
        }
        List<String> s = new ArrayList<>(rootFirst.size() + 2);
        if (threadRoot != null) {
            s.add(threadRoot);
        }
        s.addAll(rootFirst);
        if (leafClass != null) {
            s.add(javaName(leafClass));
        }
        return s;
    }

    /** async-profiler writes JVM descriptors ({@code [J}, {@code [Ljava/lang/String;}); the JDK writes Java names. */
    public static String javaName(String name) {
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return name.replace('/', '.');
        }
        String elem = name.substring(dims);
        String base = switch (elem) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> elem.startsWith("L") && elem.endsWith(";")
                    ? elem.substring(1, elem.length() - 1).replace('/', '.') : elem.replace('/', '.');
        };
        return base + "[]".repeat(dims);
    }

    /** The root frame of a stack the recorder cut at its depth limit. */
    static final String TRUNCATED_STACK = "[truncated stack]";

    /** The root frame of a stack whose event names no thread. */
    static final String UNKNOWN_THREAD = "[unknown thread]";

    private static String threadName(RecordedThread t) {
        return t == null ? UNKNOWN_THREAD : threadName(t.getJavaName(), t.getOSName(), t.getOSThreadId());
    }

    /** {@code [name]} for a thread's root frame: its Java name, else its OS name, else its OS thread id. */
    static String threadName(String javaName, String osName, long osThreadId) {
        String n = javaName != null ? javaName : osName;
        return "[" + (n == null ? "tid " + osThreadId : n) + "]";
    }

    private static List<String> rootFirst(RecordedStackTrace st) {
        List<RecordedFrame> frames = st.getFrames();
        List<String> out = new ArrayList<>(frames.size() + 1);
        if (st.isTruncated()) {
            out.add(TRUNCATED_STACK);
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            out.add(frameName(frames.get(i)));
        }
        return List.copyOf(out);
    }

    /** A frame's name as every profile of the suite writes it (native frames by symbol alone). */
    public static String frameName(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        if (m == null) {
            return frameName(null, null, f.getType());
        }
        return frameName(m.getType() == null ? null : m.getType().getName(), m.getName(), f.getType());
    }

    /**
     * One frame's name from its class (as the JDK's parser gives it), method and frame type; {@code methodName}
     * null means the frame has no method; a damaged recording can lack the frame type (null), and {@code Set.of}
     * refuses to look up null. Shared by both readers so their profiles are identical.
     */
    static String frameName(String className, String methodName, String frameType) {
        if (methodName == null) {
            return "[unknown]";
        }
        if (className == null || className.isEmpty()
                || ((frameType == null || !JAVA_FRAME_TYPES.contains(frameType))
                        && NATIVE_LIBRARY.matcher(className).find())) {
            // async-profiler files native frames under their library ("libc.so.6"); print the symbol alone,
            // as its own flame graphs do. Java native methods (Thread.sleep) keep their class.
            return methodName;
        }
        return className + "." + methodName;
    }
}
