package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.model.ThreadGroups;
import dev.oktyv.analysis.model.WaitKind;
import dev.oktyv.analysis.model.WaitSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The threads a wait-based rule counts in one recording. In a JMH run those are the {@code -jmh-worker-} threads:
 * JMH's control threads park for the whole run and would make every run look 100% parked. A recording from
 * elsewhere has no such marker, so each thread group (see {@link ThreadGroups}) is reported on its own.
 *
 * @param label   says which threads were used, for messages: "JMH worker threads (4)", "thread group pool-#-thread-# (8)"
 * @param groups  the thread groups included
 * @param threads distinct threads in those groups
 */
record ThreadSelection(String label, Set<String> groups, int threads) {

    /** The selections of {@code d} that waited in any of {@code kinds}, heaviest first; JMH workers alone when present. */
    static List<ThreadSelection> of(JfrDigest d, Set<WaitKind> kinds) {
        List<String> workers = ThreadGroups.jmhWorkers(d.threadsByGroup().keySet());
        if (!workers.isEmpty()) {
            int n = workers.stream().mapToInt(g -> d.threadsByGroup().get(g)).sum();
            return List.of(new ThreadSelection(String.format(Locale.ROOT, "JMH worker threads (%d, named *%s*)", n,
                    ThreadGroups.JMH_WORKER), Set.copyOf(workers), n));
        }
        List<ThreadSelection> out = new ArrayList<>();
        for (Map.Entry<String, Integer> g : d.threadsByGroup().entrySet()) {
            ThreadSelection s = new ThreadSelection(String.format(Locale.ROOT, "thread group %s (%d threads)", g.getKey(),
                    g.getValue()), Set.of(g.getKey()), g.getValue());
            if (s.nanos(d, kinds) > 0) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingDouble((ThreadSelection s) -> s.nanos(d, kinds)).reversed()
                .thenComparing(ThreadSelection::label));
        return out;
    }

    /** Nanoseconds the selected threads waited in {@code kinds}. */
    double nanos(JfrDigest d, Set<WaitKind> kinds) {
        return d.waits().entrySet().stream().filter(e -> includes(e.getKey(), kinds))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    boolean includes(WaitSite w, Set<WaitKind> kinds) {
        return groups.contains(w.threadGroup()) && kinds.contains(w.kind());
    }
}
