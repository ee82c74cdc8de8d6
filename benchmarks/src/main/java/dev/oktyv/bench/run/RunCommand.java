package dev.oktyv.bench.run;

import dev.oktyv.bench.duration.DurationConverter;
import dev.oktyv.bench.catalog.BenchmarkCatalog;
import dev.oktyv.bench.catalog.BenchmarkInfo;
import dev.oktyv.bench.catalog.BenchmarkSelector;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.ExplainedFailure;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.cli.WriterOutputStream;
import dev.oktyv.bench.store.RunPublisher;
import dev.oktyv.bench.store.StoreOptions;
import dev.oktyv.profiles.capture.ProfileRequest;
import dev.oktyv.results.RunSession;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run [REGEX...]}: runs benchmarks through JMH's Runner API into a new run folder. This class only turns
 * the command line into {@link RunOptions}, checks it against the benchmarks, and hands over to {@link SuiteRun}.
 */
@Command(name = "run", sortOptions = false, description = {
        "Run benchmarks through JMH into a new run folder (run.json, jmh.json, console.log).",
        "Iteration settings: explicit options > preset > benchmark annotations > JMH defaults.",
        "Suite default preset: -f 2 -wi 3 -i 5 -w 1s -r 1s (about 18 s per parameter combination),",
        "  except where a benchmark pins a setting with @Fork/@Warmup/@Measurement.",
        "--quick: -f 1 -wi 1 -i 3 -w 1s -r 1s (about 5 s per combination), overriding annotations.",
        "--jmh-defaults: annotations, then JMH's 5 forks x (5 x 10 s + 5 x 10 s), about 8.5 min per combination."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    JmhSpellings jmh;

    Clock clock = Clock.systemUTC();

    JmhLock lock = JmhLock.system();

    JmhInvoker invoker = JmhInvoker.RUNNER;

    @Parameters(paramLabel = "REGEX", description = "Benchmarks whose name contains a match (all when omitted).")
    List<String> includes = new ArrayList<>();

    @Option(names = "-e", paramLabel = "REGEX", split = ",",
            description = "Exclude benchmarks whose name contains a match (repeatable, or comma-separated as in JMH).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--quick", description = "PR-check preset: -f 1 -wi 1 -i 3 -w 1s -r 1s.")
    boolean quick;

    @Option(names = "--jmh-defaults", description = "Use benchmark annotations and JMH's own defaults (5 x 10 s, 5 forks).")
    boolean jmhDefaults;

    @Option(names = "-f", paramLabel = "N", description = "Forks per parameter combination (0 = in this JVM, not recommended).")
    Integer forks;

    @Option(names = "-wi", paramLabel = "N", description = "Warm-up iterations per fork.")
    Integer warmupIterations;

    @Option(names = "-i", paramLabel = "N", description = "Measurement iterations per fork.")
    Integer iterations;

    @Option(names = "-w", paramLabel = "TIME", converter = DurationConverter.Jmh.class,
            description = "Warm-up iteration time, e.g. 500ms, 1s (a bare number is seconds, as in JMH).")
    Duration warmupTime;

    @Option(names = "-r", paramLabel = "TIME", converter = DurationConverter.Jmh.class,
            description = "Measurement iteration time, e.g. 500ms, 1s (a bare number is seconds, as in JMH).")
    Duration measurementTime;

    @Option(names = "-t", paramLabel = "N", converter = JmhConverters.ThreadsConverter.class,
            description = "Benchmark threads (a number or max).")
    Integer threads;

    @Option(names = "-bm", paramLabel = "MODE", split = ",", converter = JmhConverters.ModeConverter.class,
            description = "Benchmark mode(s): thrpt, avgt, sample, ss, all.")
    List<Mode> modes = new ArrayList<>();

    @Option(names = "-tu", paramLabel = "UNIT", converter = JmhConverters.TimeUnitConverter.class,
            description = "Output time unit: ns, us, ms, s, m, h.")
    TimeUnit timeUnit;

    @Option(names = "-p", paramLabel = "NAME=V1,V2",
            description = "Override a @Param's values (repeatable; a repeated name adds values, as in JMH).")
    List<String> params = new ArrayList<>();

    @Option(names = "-prof", paramLabel = "PROFILER[:OPTS]", description = "Add a JMH profiler, e.g. gc (repeatable).")
    List<String> profilers = new ArrayList<>();

    @Option(names = {"--jvm-args", "-jvmArgsAppend"}, paramLabel = "ARGS",
            description = "Extra arguments for the forked JVMs, space-separated, appended (repeatable).")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "EVENTS",
            description = {"Profile every benchmark fork after warm-up: a comma-separated subset of cpu, alloc, lock,",
                    "wall (async-profiler) and jfr (JDK Flight Recorder, oktyv.jfc), into profiles/<benchmark-id>/."})
    String profile;

    @Option(names = "--foe", description = "Fail on error: stop at the first failing benchmark (JMH: -foe true).")
    boolean failOnError;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws IOException, RunnerException {
        RunOptions options = options();
        List<BenchmarkInfo> selected = BenchmarkSelector.select(
                BenchmarkCatalog.fromClassPath(RunCommand.class.getClassLoader()), options.includes(), options.excludes());
        RunPreflight.check(options, selected, RunCommand.class.getClassLoader());
        if (lock.heldElsewhere()) {
            throw new ExplainedFailure(lock.message());
        }
        jmh.note().ifPresent(spec.commandLine().getErr()::println);
        PrintWriter out = spec.commandLine().getOut();
        WriterOutputStream echo = new WriterOutputStream(out);
        List<String> commandLine = List.copyOf(spec.commandLine().getParseResult().originalArgs());
        try (RunPublisher publisher = store.publisher(); RunSession session = publisher.start(
                Path.of("").toAbsolutePath(), commandLine, clock)) {
            PrintStream console = session.console(echo);
            console.println("# oktyv-bench: run " + session.folder().id() + " into " + session.folder().path());
            console.println("# oktyv-bench: " + RunPlanDescription.describe(options, selected));
            SuiteOutcome outcome;
            try {
                outcome = new SuiteRun(options, selected, session, echo, jmh.verbosity(verbose.verbose()), invoker)
                        .execute();
            } catch (RunnerException e) {
                if (!JmhLock.isLockFailure(e)) {
                    throw e;
                }
                // Taken between the check above and a benchmark: nothing failed, the run just did not finish.
                session.finish(RunStatus.INCOMPLETE);
                throw new ExplainedFailure(lock.message(), e);
            }
            console.println("# oktyv-bench: " + (outcome.benchmarks() - outcome.failed().size()) + " of "
                    + outcome.benchmarks() + " benchmarks finished, " + outcome.results()
                    + " results in " + session.folder().jmhJson());
            console.flush();
            session.finish(outcome.allSucceeded() ? RunStatus.COMPLETE : RunStatus.FAILED);
            if (!outcome.allSucceeded()) {
                spec.commandLine().getErr().println("error: " + outcome.failed().size() + " of " + outcome.benchmarks()
                        + " benchmarks failed: " + String.join(", ", outcome.failed()) + " (see "
                        + session.folder().consoleLog() + ")");
                return ExitCodes.RUNTIME_ERROR;
            }
            return ExitCodes.OK;
        }
    }

    /**
     * Parser settings {@code run} needs beyond its annotations. JVM arguments look like clusters of run's own short
     * options ({@code -ea} is {@code -e a}, {@code -verbose:gc} is {@code -v erbose:gc}): an option that takes a
     * value takes the next argument as it is, as JMH's parser does.
     */
    public static CommandLine configure(CommandLine run) {
        return run.setAllowOptionsAsOptionParameters(true);
    }

    RunOptions options() {
        if (quick && jmhDefaults) {
            throw new UsageException("--quick and --jmh-defaults exclude each other; choose one");
        }
        jmh.check();
        try {
            return new RunOptions(includes, excludes,
                    quick ? Preset.QUICK : jmhDefaults ? Preset.JMH_DEFAULTS : Preset.SUITE,
                    optional(forks), optional(warmupIterations), optional(iterations), Optional.ofNullable(warmupTime),
                    Optional.ofNullable(measurementTime), optional(threads), modes, Optional.ofNullable(timeUnit),
                    RunOptions.parseParams(params), profilers.stream().map(ProfilerSpec::parse).toList(),
                    JmhSpellings.splitWords(jvmArgs), failOnError || jmh.failOnError(), store.resultsDir(),
                    profile == null ? ProfileRequest.NONE : ProfileRequest.parse(profile), jmh.extras());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static OptionalInt optional(Integer i) {
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }
}
