package dev.oktyv.bench.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openjdk.jmh.runner.options.WarmupMode;

/**
 * The JMH settings {@code run} takes under JMH's own spellings and hands to JMH unchanged; empty means "not given",
 * so the benchmark's annotation or JMH's default applies. Checked here, before a run folder exists, because JMH's
 * {@code OptionsBuilder} would only reject them once the run had started.
 *
 * @param timeout          {@code -to}
 * @param batchSize        {@code -bs}
 * @param warmupBatchSize  {@code -wbs}
 * @param opsPerInvocation {@code -opi}
 * @param syncIterations   {@code -si}
 * @param gcEachIteration  {@code -gc}
 * @param jvm              {@code -jvm}
 * @param jvmArgs          {@code -jvmArgs}: replaces the forks' JVM arguments, {@code @Fork(jvmArgs)} included
 * @param jvmArgsPrepend   {@code -jvmArgsPrepend}
 * @param warmupMode       {@code -wm}
 * @param warmupForks      {@code -wf}
 * @param warmupIncludes   {@code -wmb}
 * @param threadGroups     {@code -tg}; empty when not given
 */
public record JmhExtras(Optional<Duration> timeout, OptionalInt batchSize, OptionalInt warmupBatchSize,
                        OptionalInt opsPerInvocation, Optional<Boolean> syncIterations,
                        Optional<Boolean> gcEachIteration, Optional<String> jvm, Optional<List<String>> jvmArgs,
                        Optional<List<String>> jvmArgsPrepend, Optional<WarmupMode> warmupMode,
                        OptionalInt warmupForks, List<String> warmupIncludes, List<Integer> threadGroups) {

    public static final JmhExtras NONE = new JmhExtras(Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
            OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), OptionalInt.empty(), List.of(), List.of());

    public JmhExtras {
        timeout.ifPresent(d -> RunOptions.requirePositive("-to", d));
        RunOptions.atLeast("-bs", batchSize, 1);
        RunOptions.atLeast("-wbs", warmupBatchSize, 1);
        RunOptions.atLeast("-opi", opsPerInvocation, 1);
        RunOptions.atLeast("-wf", warmupForks, 0);
        Objects.requireNonNull(syncIterations, "syncIterations");
        Objects.requireNonNull(gcEachIteration, "gcEachIteration");
        jvm.ifPresent(j -> {
            if (j.isBlank()) {
                throw new IllegalArgumentException("-jvm must name a java executable, was empty");
            }
        });
        jvmArgs = jvmArgs.map(List::copyOf);
        jvmArgsPrepend = jvmArgsPrepend.map(List::copyOf);
        Objects.requireNonNull(warmupMode, "warmupMode");
        warmupIncludes = List.copyOf(warmupIncludes);
        threadGroups = List.copyOf(threadGroups);
        for (int t : threadGroups) {
            if (t < 0) {
                throw new IllegalArgumentException("-tg thread counts must be >= 0, was " + t);
            }
        }
        if (!threadGroups.isEmpty() && threadGroups.stream().allMatch(t -> t == 0)) {
            throw new IllegalArgumentException("-tg needs at least one thread, was " + threadGroups);
        }
    }
}
