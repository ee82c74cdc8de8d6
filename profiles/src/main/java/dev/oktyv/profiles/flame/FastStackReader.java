package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;

import dev.oktyv.profiles.jfrfile.StackEvents;
import dev.oktyv.profiles.jfrfile.StackEvents.Spec;
import dev.oktyv.profiles.jfrfile.StackEvents.Weight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cpu, wall and alloc profiles of a JFR file through {@link StackEvents}, with exactly the event choice,
 * weights and frame names of the {@code jdk.jfr.consumer} path in {@link JfrStackReader} (tests compare the two).
 * Lock profiles are not read here: they need durations in the JDK's tick conversion and are rare events anyway.
 */
final class FastStackReader {

    private static final int PRIMARY = 0;
    private static final int SECONDARY = 1;

    private FastStackReader() {
    }

    static boolean handles(EventKind kind) {
        return kind == EventKind.CPU || kind == EventKind.WALL || kind == EventKind.ALLOC;
    }

    /** Reads the first {@code bytes} (whole chunks) of {@code file}. */
    static StackProfile read(Path file, long bytes, EventKind kind, boolean threads, String note) throws IOException {
        List<Spec> specs = switch (kind) {
            case CPU -> List.of(new Spec("jdk.ExecutionSample", PRIMARY, Weight.ONE, null, null, false));
            case WALL -> List.of(
                    new Spec("profiler.WallClockSample", PRIMARY, Weight.FIELD_AT_LEAST_ONE, "samples", null, false),
                    new Spec("jdk.ExecutionSample", SECONDARY, Weight.ONE, null, null, false),
                    new Spec("jdk.NativeMethodSample", SECONDARY, Weight.ONE, null, null, false));
            case ALLOC -> List.of(
                    new Spec("jdk.ObjectAllocationSample", PRIMARY, Weight.FIELD, "weight", null, true),
                    new Spec("jdk.ObjectAllocationInNewTLAB", SECONDARY, Weight.FIELD_OR_FALLBACK, "tlabSize",
                            "allocationSize", true),
                    new Spec("jdk.ObjectAllocationOutsideTLAB", SECONDARY, Weight.FIELD, "allocationSize", null, true));
            default -> throw new IllegalArgumentException("the fast reader does not read " + kind.id() + " profiles");
        };
        Collector c = new Collector(kind, threads);
        StackEvents.read(file, bytes, specs, threads, c);
        boolean usePrimary = kind == EventKind.CPU || c.primarySeen;
        return (usePrimary ? c.primary : c.secondary).build(!note.isEmpty(), note);
    }

    /**
     * Turns resolved stacks into root-first frame names; both candidate sources are kept until the end, because
     * which one to use depends on whether the primary event type occurred at all.
     *
     * <p>Frame names are interned across chunks: each chunk names its frames afresh, and one instance per name
     * keeps the merged profile small and lets stack comparisons stop at the first differing frame by identity.
     */
    private static final class Collector implements StackEvents.Sink {
        private final boolean threads;
        private final StackProfile.Builder primary;
        private final StackProfile.Builder secondary;
        private final Map<String, String> interned = new HashMap<>();
        private boolean primarySeen;

        Collector(EventKind kind, boolean threads) {
            this.threads = threads;
            this.primary = StackProfile.builder(kind);
            this.secondary = StackProfile.builder(kind);
        }

        @Override
        public String frameName(String className, String methodName, String frameType) {
            String name = JfrStackReader.frameName(className, methodName, frameType);
            return interned.computeIfAbsent(name, n -> n);
        }

        @Override
        public void seen(int group) {
            if (group == PRIMARY) {
                primarySeen = true;
            }
        }

        @Override
        public void add(int group, StackEvents.Stack stack, String leafClass, StackEvents.ThreadInfo thread, long weight) {
            String threadRoot = !threads ? null : thread == null ? JfrStackReader.UNKNOWN_THREAD
                    : JfrStackReader.threadName(thread.javaName(), thread.osName(), thread.osThreadId());
            List<String> frames = stack.rootFirst();
            if (stack.truncated()) {
                List<String> marked = new ArrayList<>(frames.size() + 1);
                marked.add(JfrStackReader.TRUNCATED_STACK);
                marked.addAll(frames);
                frames = marked;
            }
            List<String> s = JfrStackReader.decorated(threadRoot, frames, leafClass == null ? null : intern(leafClass));
            (group == PRIMARY ? primary : secondary).add(s, weight);
        }

        private String intern(String s) {
            return interned.computeIfAbsent(s, n -> n);
        }
    }
}
