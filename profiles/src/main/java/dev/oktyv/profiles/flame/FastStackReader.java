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
     */
    private static final class Collector implements StackEvents.Sink {
        private final boolean threads;
        private final StackProfile.Builder primary;
        private final StackProfile.Builder secondary;
        private final Map<StackEvents.Stack, List<String>> names = new HashMap<>();
        private boolean primarySeen;

        Collector(EventKind kind, boolean threads) {
            this.threads = threads;
            this.primary = StackProfile.builder(kind);
            this.secondary = StackProfile.builder(kind);
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
            List<String> s = JfrStackReader.decorated(threadRoot, names.computeIfAbsent(stack, FastStackReader::rootFirst),
                    leafClass);
            (group == PRIMARY ? primary : secondary).add(s, weight);
        }
    }

    private static List<String> rootFirst(StackEvents.Stack st) {
        List<StackEvents.Frame> frames = st.leafFirst();
        List<String> out = new ArrayList<>(frames.size() + 1);
        if (st.truncated()) {
            out.add(JfrStackReader.TRUNCATED_STACK);
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            StackEvents.Frame f = frames.get(i);
            out.add(JfrStackReader.frameName(f.className(), f.methodName(), f.frameType()));
        }
        return List.copyOf(out);
    }
}
