package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Weighted call stacks of one event kind: the common model every input (JFR, collapsed text) is read into and
 * every output (collapsed text, HTML flame graph, differential flame graph) is rendered from.
 *
 * <p>Stacks are root first. {@code incomplete} says the input was cut short (a truncated recording) and the
 * profile holds only what was readable; {@code note} says why, or is empty.
 */
public final class StackProfile {

    private final EventKind event;
    private final Map<List<String>, Long> stacks;
    private final long totalWeight;
    private final boolean incomplete;
    private final String note;
    private final Map<String, String> originals;

    private StackProfile(EventKind event, Map<List<String>, Long> stacks, boolean incomplete, String note,
            Map<String, String> originals) {
        this.event = Objects.requireNonNull(event, "event");
        this.stacks = Collections.unmodifiableMap(stacks);
        this.totalWeight = stacks.values().stream().mapToLong(Long::longValue).sum();
        this.incomplete = incomplete;
        this.note = note == null ? "" : note;
        this.originals = Collections.unmodifiableMap(originals);
    }

    public EventKind event() {
        return event;
    }

    /** Stack (root first) to weight, in a stable (lexicographic) order. */
    public Map<List<String>, Long> stacks() {
        return stacks;
    }

    public long totalWeight() {
        return totalWeight;
    }

    public boolean isEmpty() {
        return totalWeight == 0;
    }

    public boolean incomplete() {
        return incomplete;
    }

    public String note() {
        return note;
    }

    /**
     * For frames renamed by {@link FrameNormaliser}: normalised name to one original name it stands for (for
     * hover text); empty for a profile that was not normalised.
     */
    public Map<String, String> originals() {
        return originals;
    }

    /** Weight of the stacks that contain a frame equal to {@code frame} (each stack counted once). */
    public long weightContaining(String frame) {
        long sum = 0;
        for (Map.Entry<List<String>, Long> e : stacks.entrySet()) {
            if (e.getKey().contains(frame)) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** Share (0..1) of the total weight in stacks containing a frame whose name ends with {@code suffix}. */
    public double shareOfFrameEndingWith(String suffix) {
        if (totalWeight == 0) {
            return Double.NaN;
        }
        long sum = 0;
        for (Map.Entry<List<String>, Long> e : stacks.entrySet()) {
            for (String f : e.getKey()) {
                if (f.endsWith(suffix)) {
                    sum += e.getValue();
                    break;
                }
            }
        }
        return (double) sum / totalWeight;
    }

    public StackProfile withIncomplete(String why) {
        return new StackProfile(event, stacks, true, why, originals);
    }

    public static Builder builder(EventKind event) {
        return new Builder(event);
    }

    /**
     * Lexicographic by frame. Deep stacks share long prefixes, and the JFR readers hand out one instance per frame
     * name, so an identity test skips the character comparison of each shared frame.
     */
    static final java.util.Comparator<List<String>> STACK_ORDER = (a, b) -> {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (x == y) {
                continue;
            }
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** Accumulates stacks; identical stacks are merged. Not thread-safe. */
    public static final class Builder {
        private final EventKind event;
        private final Map<List<String>, long[]> acc = new HashMap<>();
        private final Map<String, String> originals = new TreeMap<>();

        private Builder(EventKind event) {
            this.event = Objects.requireNonNull(event, "event");
        }

        /** Adds {@code weight} to a root-first stack; a non-positive weight or an empty stack is ignored. */
        public Builder add(List<String> rootFirst, long weight) {
            if (weight <= 0 || rootFirst.isEmpty()) {
                return this;
            }
            long[] cell = acc.get(rootFirst);
            if (cell == null) {
                acc.put(List.copyOf(rootFirst), new long[] {weight});
            } else {
                cell[0] += weight;
            }
            return this;
        }

        /** Records {@code original} as an example name behind {@code normalised}; the smallest one is kept. */
        public Builder original(String normalised, String original) {
            originals.merge(normalised, original, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            return this;
        }

        public StackProfile build() {
            return build(false, "");
        }

        public StackProfile build(boolean incomplete, String note) {
            Map<List<String>, Long> sorted = new TreeMap<>(STACK_ORDER);
            acc.forEach((k, v) -> sorted.put(k, v[0]));
            return new StackProfile(event, sorted, incomplete, note, new TreeMap<>(originals));
        }
    }

    /** Applies include/exclude/reverse to every stack (see {@link StackFilter}). */
    public StackProfile filtered(StackFilter filter) {
        if (filter.equals(StackFilter.NONE)) {
            return this; // nothing to drop or turn: re-sorting every stack of a large profile would be wasted
        }
        Builder b = builder(event);
        originals.forEach(b::original);
        for (Map.Entry<List<String>, Long> e : stacks.entrySet()) {
            List<String> s = e.getKey();
            if (!filter.accepts(s)) {
                continue;
            }
            if (filter.reverse()) {
                List<String> r = new ArrayList<>(s);
                Collections.reverse(r);
                s = r;
            }
            b.add(s, e.getValue());
        }
        return b.build(incomplete, note);
    }
}
