package dev.oktyv.bench.run;

import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.duration.DurationConverter;
import dev.oktyv.results.RunFolder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.options.WarmupMode;
import picocli.CommandLine.Option;

/**
 * The options of JMH's own command line that {@code run} has no suite spelling for, under JMH's names and with
 * JMH's meaning, so that JMH habits work. Declaring each name matters beyond its value: picocli reads an
 * undeclared {@code -rf} as {@code -r f} and {@code -foe} as {@code -f oe}. Where {@code run} deliberately differs
 * (its results always go into the run folder), {@link #check} says so in one line and points to {@code jmh}.
 */
final class JmhSpellings {

    static final String JMH_CLI = "'oktyv-bench jmh ...' is JMH's own command line, untouched";

    /** After run's own options in --help: these are the second names a JMH user looks for. */
    private static final int JMH_ORDER = 100;

    @Option(order = JMH_ORDER, names = "-rf", paramLabel = "TYPE", description = "JMH result format: only json (run always writes JMH's JSON into the run folder).")
    String resultFormat;

    @Option(order = JMH_ORDER, names = "-rff", paramLabel = "FILE", description = "Not supported by run (results go into the run folder); use 'oktyv-bench jmh'.")
    String resultFile;

    @Option(order = JMH_ORDER, names = "-o", paramLabel = "FILE", description = "Not supported by run (output goes into the run folder); use 'oktyv-bench jmh'.")
    String output;

    @Option(order = JMH_ORDER, names = "-foe", arity = "1", paramLabel = "BOOL", description = "JMH's spelling of --foe: true or false.")
    Boolean failOnError;

    @Option(order = JMH_ORDER, names = "-to", paramLabel = "TIME", converter = DurationConverter.Jmh.class,
            description = "Iteration timeout (a bare number is seconds).")
    Duration timeout;

    @Option(order = JMH_ORDER, names = "-bs", paramLabel = "N", description = "Measurement batch size: benchmark calls per operation.")
    Integer batchSize;

    @Option(order = JMH_ORDER, names = "-wbs", paramLabel = "N", description = "Warm-up batch size.")
    Integer warmupBatchSize;

    @Option(order = JMH_ORDER, names = "-opi", paramLabel = "N", description = "Operations per invocation.")
    Integer opsPerInvocation;

    @Option(order = JMH_ORDER, names = "-si", arity = "1", paramLabel = "BOOL", description = "Synchronize iterations: true or false.")
    Boolean syncIterations;

    @Option(order = JMH_ORDER, names = "-gc", arity = "1", paramLabel = "BOOL", description = "Force a GC between iterations: true or false.")
    Boolean gcEachIteration;

    @Option(order = JMH_ORDER, names = "-jvm", paramLabel = "PATH", description = "The java executable for the forks.")
    String jvm;

    @Option(order = JMH_ORDER, names = "-jvmArgs", paramLabel = "ARGS",
            description = "JVM arguments for the forks, replacing @Fork(jvmArgs); space-separated (repeatable).")
    List<String> jvmArgs = new ArrayList<>();

    @Option(order = JMH_ORDER, names = "-jvmArgsPrepend", paramLabel = "ARGS", description = "JVM arguments put first (repeatable).")
    List<String> jvmArgsPrepend = new ArrayList<>();

    @Option(order = JMH_ORDER, names = "-wm", paramLabel = "MODE", converter = JmhConverters.WarmupModeConverter.class,
            description = "Warm-up mode: INDI, BULK, BULK_INDI.")
    WarmupMode warmupMode;

    @Option(order = JMH_ORDER, names = "-wf", paramLabel = "N", description = "Warm-up forks per parameter combination.")
    Integer warmupForks;

    @Option(order = JMH_ORDER, names = "-wmb", paramLabel = "REGEX", split = ",", description = "Benchmarks run only to warm up (repeatable).")
    List<String> warmupIncludes = new ArrayList<>();

    @Option(order = JMH_ORDER, names = "-tg", paramLabel = "N,N", split = ",", description = "Thread group distribution for @Group benchmarks.")
    List<Integer> threadGroups = new ArrayList<>();

    @Option(order = JMH_ORDER, names = "-v", paramLabel = "MODE", converter = JmhConverters.VerboseModeConverter.class,
            description = "JMH verbosity: SILENT, NORMAL, EXTRA (default: NORMAL, EXTRA with --verbose).")
    VerboseMode verbosity;

    @Option(order = JMH_ORDER, names = {"-l", "-lp"}, hidden = true)
    boolean list;

    @Option(order = JMH_ORDER, names = {"-lrf", "-lprof"}, hidden = true)
    boolean listJmh;

    /** {@code -Dname=value} after {@code run}: a JVM property given too late, e.g. {@code -Djmh.ignoreLock=true}. */
    @Option(order = JMH_ORDER, names = "-D", hidden = true, paramLabel = "NAME=VALUE")
    Map<String, String> properties = new LinkedHashMap<>();

    /** Refuses, in one line each, what {@code run} deliberately does otherwise than JMH. */
    void check() {
        if (!properties.isEmpty()) {
            String p = properties.entrySet().iterator().next().toString();
            throw new UsageException("-D" + p + " is a JVM property: put it before -jar, as in 'java -D" + p
                    + " -jar oktyv-bench.jar run ...'");
        }
        if (list) {
            throw new UsageException("-l/-lp: 'oktyv-bench list [REGEX]' lists the benchmarks with their params; " + JMH_CLI);
        }
        if (listJmh) {
            throw new UsageException("-lrf/-lprof: use 'oktyv-bench jmh -lprof' or 'oktyv-bench jmh -lrf'; " + JMH_CLI);
        }
        if (resultFormat != null && !resultFormat.toLowerCase(Locale.ROOT).equals("json")) {
            throw new UsageException("-rf " + resultFormat + ": run writes JMH's JSON to " + RunFolder.JMH_JSON
                    + " in the run folder and no other format; " + JMH_CLI);
        }
        if (resultFile != null) {
            throw new UsageException("-rff " + resultFile + ": run writes JMH's JSON to " + RunFolder.JMH_JSON
                    + " in the run folder, never elsewhere; " + JMH_CLI);
        }
        if (output != null) {
            throw new UsageException("-o " + output + ": run tees JMH's output to " + RunFolder.CONSOLE_LOG
                    + " in the run folder; " + JMH_CLI);
        }
    }

    /** The one line that says where {@code -rf json}'s results went, or empty when it was not given. */
    Optional<String> note() {
        return resultFormat == null ? Optional.empty() : Optional.of("note: -rf json: JMH's JSON results go to "
                + RunFolder.JMH_JSON + " in the run folder (not jmh-result.json); " + JMH_CLI);
    }

    boolean failOnError() {
        return Boolean.TRUE.equals(failOnError);
    }

    VerboseMode verbosity(boolean verbose) {
        return verbosity != null ? verbosity : verbose ? VerboseMode.EXTRA : VerboseMode.NORMAL;
    }

    /** @throws IllegalArgumentException naming the bad value */
    JmhExtras extras() {
        return new JmhExtras(Optional.ofNullable(timeout), optional(batchSize), optional(warmupBatchSize),
                optional(opsPerInvocation), Optional.ofNullable(syncIterations), Optional.ofNullable(gcEachIteration),
                Optional.ofNullable(jvm), words(jvmArgs), words(jvmArgsPrepend), Optional.ofNullable(warmupMode),
                optional(warmupForks), warmupIncludes, threadGroups);
    }

    /** JMH splits each value on whitespace and concatenates repeats: {@code -jvmArgs "-Xmx1g -Da=1" -jvmArgs -Db=2}. */
    static List<String> splitWords(List<String> values) {
        return values.stream().flatMap(a -> List.of(a.trim().split("\\s+")).stream()).filter(s -> !s.isEmpty())
                .toList();
    }

    private static Optional<List<String>> words(List<String> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(splitWords(values));
    }

    private static OptionalInt optional(Integer i) {
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }
}
