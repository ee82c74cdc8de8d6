package dev.oktyv.analysis.model;

import java.util.Collection;
import java.util.List;

/**
 * Groups threads by name, with the numbers in the name replaced by {@code #}: {@code pool-3-thread-7} and
 * {@code pool-3-thread-2} are {@code pool-#-thread-#}, {@code C2 CompilerThread0} is {@code C2 CompilerThread#}. Java thread groups are no help here (nearly every thread is in
 * "main"); names are what pools and frameworks set.
 */
public final class ThreadGroups {

    /** The marker in the names of the threads JMH runs the benchmark on; its control threads lack it. */
    public static final String JMH_WORKER = "-jmh-worker-";

    /** The group of events that name no thread. */
    public static final String UNKNOWN = "[unknown thread]";

    private ThreadGroups() {
    }

    public static String of(String threadName) {
        // Only numbers that are not part of a word: "C2 CompilerThread0" keeps its C2, "pool-3-thread-7" loses both.
        return threadName == null || threadName.isEmpty() ? UNKNOWN : threadName.replaceAll("(?<![A-Za-z0-9])\\d+|(?<=[a-z])\\d+$", "#");
    }

    /** The JMH worker groups among {@code groups}; empty for a recording that is not of a JMH run. */
    public static List<String> jmhWorkers(Collection<String> groups) {
        return groups.stream().filter(g -> g.contains(JMH_WORKER)).sorted().toList();
    }
}
