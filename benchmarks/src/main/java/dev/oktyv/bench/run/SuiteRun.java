package dev.oktyv.bench.run;

import dev.oktyv.bench.catalog.BenchmarkInfo;
import dev.oktyv.profiles.jmh.JmhProfiling;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the selected benchmarks one JMH invocation at a time, into one run folder. One invocation per benchmark
 * costs a few milliseconds of JMH set-up each, and buys that {@code jmh.json} is rewritten after every benchmark:
 * Ctrl-C or a crash loses only the benchmark in progress.
 */
public final class SuiteRun {

    private final RunOptions options;
    private final List<BenchmarkInfo> benchmarks;
    private final RunFolder folder;
    private final Function<OutputStream, PrintStream> console;
    private final OutputStream echo;
    private final VerboseMode verbosity;
    private final JmhInvoker jmh;
    private final Consumer<Collection<RunResult>> onResults;

    public SuiteRun(RunOptions options, List<BenchmarkInfo> benchmarks, RunSession session, OutputStream echo,
                    VerboseMode verbosity) {
        this(options, benchmarks, session, echo, verbosity, JmhInvoker.RUNNER);
    }

    SuiteRun(RunOptions options, List<BenchmarkInfo> benchmarks, RunSession session, OutputStream echo,
             VerboseMode verbosity, JmhInvoker jmh) {
        this(options, benchmarks, session.folder(), session::console, echo, verbosity, jmh, r -> { });
    }

    /**
     * Into a folder laid out as a run folder inside another run (readiness writes {@code performance/}), with
     * the console of that run.
     *
     * @param console   a stream writing to {@code echo} and the owning run's console log
     * @param onResults each benchmark's results as JMH returned them, for figures {@code jmh.json} reduces away
     *                  (the sample-time percentiles)
     */
    public SuiteRun(RunOptions options, List<BenchmarkInfo> benchmarks, RunFolder folder,
                    Function<OutputStream, PrintStream> console, OutputStream echo, VerboseMode verbosity,
                    Consumer<Collection<RunResult>> onResults) {
        this(options, benchmarks, folder, console, echo, verbosity, JmhInvoker.RUNNER, onResults);
    }

    private SuiteRun(RunOptions options, List<BenchmarkInfo> benchmarks, RunFolder folder,
                     Function<OutputStream, PrintStream> console, OutputStream echo, VerboseMode verbosity,
                     JmhInvoker jmh, Consumer<Collection<RunResult>> onResults) {
        this.jmh = jmh;
        this.options = options;
        this.benchmarks = List.copyOf(benchmarks);
        this.folder = folder;
        this.console = console;
        this.echo = echo;
        this.verbosity = verbosity;
        this.onResults = onResults;
    }

    /**
     * Runs every benchmark. A failing benchmark is recorded and the run goes on, unless {@code --foe} was given:
     * then JMH's {@link RunnerException} ends the run, as it does for failures of JMH itself (lock, profiler).
     */
    public SuiteOutcome execute() throws IOException, RunnerException {
        JmhJsonAccumulator jmhJson = new JmhJsonAccumulator(folder.jmhJson());
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < benchmarks.size(); i++) {
            BenchmarkInfo b = benchmarks.get(i);
            // A fresh stream per invocation: JMH closes its output when a run ends.
            PrintStream console = this.console.apply(echo);
            console.println("# oktyv-bench: benchmark " + (i + 1) + " of " + benchmarks.size() + ": " + b.name());
            OutcomeTrackingFormat format = new OutcomeTrackingFormat(
                    OutputFormatFactory.createFormatInstance(console, verbosity));
            Collection<RunResult> results;
            // JMH's host copies a forked VM's own System.out and System.err (a benchmark's printf, e.g. the cache
            // benchmarks' hit ratio; the fork's java.util.logging INFO lines, e.g. HikariCP's pool start and stop)
            // straight to System.out/err, past the OutputFormat: onto the terminal, and into no log. Pointed at
            // this invocation's console, they land where JMH's output goes (readiness: the run's log only).
            PrintStream terminal = System.out;
            PrintStream terminalErr = System.err;
            System.setOut(console);
            System.setErr(console);
            try {
                // Per invocation: the profiler's options carry the run folder, and each invocation is one benchmark.
                results = jmh.run(JmhProfiling.apply(JmhOptionsFactory.builder(options, b, verbosity),
                        options.profile(), folder.path()).build(), format);
            } catch (RunnerException e) {
                throw new RunnerException(describe(b, format, e), e);
            } finally {
                System.setOut(terminal);
                System.setErr(terminalErr);
            }
            if (!options.profile().isEmpty()) {
                ProfileSummary.print(folder.path(), b.name(), console);
            }
            if (!results.isEmpty()) {
                onResults.accept(results);
                jmhJson.append(toJson(results));
            }
            if (results.isEmpty() || format.failed() > 0) {
                failed.add(b.name());
            }
        }
        return new SuiteOutcome(benchmarks.size(), jmhJson.elements(), failed);
    }

    /** One line for the user: which benchmark, and why JMH stopped (its messages start with a redundant "ERROR: "). */
    private String describe(BenchmarkInfo b, OutcomeTrackingFormat format, RunnerException e) {
        if (options.failOnError() && format.failed() > 0) {
            return b.name() + " failed and --foe stops the run (details in " + folder.consoleLog() + ")";
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return b.name() + ": " + msg.replaceFirst("^ERROR: ", "");
    }

    /** JMH's own JSON writer, the same one {@code -rf json} uses, so the elements are what JMH users expect. */
    private static String toJson(Collection<RunResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(results);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
