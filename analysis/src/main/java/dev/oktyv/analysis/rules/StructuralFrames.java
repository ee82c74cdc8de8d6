package dev.oktyv.analysis.rules;

import java.util.regex.Pattern;

/**
 * Frames that are on (nearly) every stack of a thread whatever it does: thread roots, reflection, executors, JMH's
 * generated stubs and runner, {@code main}. As "hot methods" they hold ~100% and say nothing.
 */
final class StructuralFrames {

    private static final Pattern STRUCTURAL = Pattern.compile("^\\[" // thread roots, [truncated stack]
            + "|^java\\.lang\\.Thread\\.run$|^java\\.lang\\.reflect\\.Method\\.invoke$|^jdk\\.internal\\.reflect\\."
            + "|GeneratedMethodAccessor|_jmhTest\\.|^org\\.openjdk\\.jmh\\.runner\\."
            + "|^java\\.util\\.concurrent\\.(ThreadPoolExecutor|ThreadPoolExecutor\\$Worker|FutureTask|ForkJoinWorkerThread"
            + "|ForkJoinPool|ForkJoinTask|Executors\\$RunnableAdapter|CompletableFuture\\$AsyncRun)\\.(run|runWorker|exec|doExec|call|scan|runTask)$"
            + "|\\.main$");

    private StructuralFrames() {
    }

    static boolean isStructural(String frame) {
        return STRUCTURAL.matcher(frame).find();
    }
}
