package dev.oktyv.analysis.profile;

import dev.oktyv.analysis.model.ThreadActivity;
import dev.oktyv.analysis.model.ThreadGroups;
import dev.oktyv.analysis.model.WaitKind;
import dev.oktyv.analysis.model.WaitSite;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedThread;

/** Builds a {@link ThreadActivity} event by event, for {@link JfrDigester}. */
final class ThreadActivityCollector {

    private final Map<WaitSite, Double> waits = new HashMap<>();
    private final Map<String, Set<Long>> threads = new HashMap<>();
    private final Map<String, Double> cpu = new HashMap<>();
    private final Map<WaitSite, Double> wall = new HashMap<>();
    /** Group by thread id: naming a group takes a regex, and a recording has millions of events but few threads. */
    private final Map<Long, String> groupOf = new HashMap<>();

    /** The event's thread group, counting the thread; {@link ThreadGroups#UNKNOWN} without a thread. */
    String group(RecordedThread thread) {
        if (thread == null) {
            return ThreadGroups.UNKNOWN;
        }
        return groupOf.computeIfAbsent(thread.getId(), id -> {
            // A JVM-internal thread (GC, compiler) has no Java name; async-profiler still names it by its OS name.
            String g = ThreadGroups.of(thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName());
            threads.computeIfAbsent(g, k -> new HashSet<>()).add(id);
            return g;
        });
    }

    void cpuSample(String group) {
        cpu.merge(group, 1.0, Double::sum);
    }

    void waited(String group, WaitKind kind, String target, String frame, double nanos) {
        waits.merge(new WaitSite(group, kind, target, frame), nanos, Double::sum);
    }

    /** One wall-clock sample: what it shows the thread doing is read from its stack. */
    void wallSample(String group, List<String> rootFirst, double samples) {
        WaitKind kind = WaitClassifier.kindOf(rootFirst);
        String frame = kind == WaitKind.RUNNING ? "" : WaitClassifier.waitingFrame(rootFirst);
        wall.merge(new WaitSite(group, kind, "", frame), samples, Double::sum);
    }

    ThreadActivity build() {
        Map<String, Integer> counts = new HashMap<>();
        threads.forEach((g, ids) -> counts.put(g, ids.size()));
        return new ThreadActivity(waits, counts, cpu, wall);
    }
}
