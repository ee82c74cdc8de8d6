package dev.oktyv.bench.analysis;

import dev.oktyv.analysis.compare.Comparison;
import dev.oktyv.analysis.compare.ComparisonFormat;
import dev.oktyv.analysis.compare.FlameDiffGenerator;
import dev.oktyv.analysis.compare.RunComparator;
import dev.oktyv.analysis.stats.VerdictPolicy;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.RunFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code compare BASELINE CANDIDATE}: per-benchmark verdicts with fork-level statistics. */
@Command(name = "compare", description = {
        "Compares two runs benchmark by benchmark (identity = benchmark + mode + params), for the primary score and"
                + " gc.alloc.rate.norm. Forks are the independent samples (Welch's t on log fork means).",
        "A side is a run id, a run folder path, a commit sha or prefix (newest complete run at it), latest or latest~N."})
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE")
    String baseline;
    @Parameters(index = "1", paramLabel = "CANDIDATE")
    String candidate;

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results", description = "Results root (default: ${DEFAULT-VALUE}).")
    Path resultsDir;
    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5%", description = "Minimum relative effect (default: ${DEFAULT-VALUE}).")
    String threshold;
    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.01", description = "Significance level (default: ${DEFAULT-VALUE}).")
    String alpha;
    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ComparisonFormat format;
    @Option(names = "--fail-on", paramLabel = "WHAT",
            description = "${COMPLETION-CANDIDATES}: exit 1 if any benchmark regressed.")
    FailOn failOn;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        VerdictPolicy policy = new VerdictPolicy(Inputs.percent("--threshold", threshold), Inputs.alpha(alpha));
        ComparisonFormat fmt = format;
        RunFolder b = Inputs.folder(resultsDir, baseline, "BASELINE");
        RunFolder c = Inputs.folder(resultsDir, candidate, "CANDIDATE");
        // Regressed benchmarks profiled in both runs get diff/<id>-<event>.html in the candidate, linked below.
        FlameDiffGenerator diffs = new FlameDiffGenerator(b, c, w -> spec.commandLine().getErr().println("warning: " + w));
        Comparison comparison = new RunComparator(policy, diffs).compare(Inputs.run(b), Inputs.run(c));
        // Flame-graph links are relative to the candidate folder; from a file written elsewhere they need a prefix.
        String prefix = c.path().toAbsolutePath().normalize() + "/";
        if (output != null) {
            Path from = output.toAbsolutePath().normalize().getParent();
            prefix = from == null ? prefix : from.relativize(c.path().toAbsolutePath().normalize()).toString().replace('\\', '/') + "/";
        }
        String text = fmt.writer(prefix.equals("/") ? "" : prefix).write(comparison);
        if (output != null) {
            AtomicFiles.writeString(output, text);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return failOn != null && comparison.anyRegression() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    /** What {@code --fail-on} can gate on; one value today, an enum so {@code --help} lists it. */
    enum FailOn { REGRESSION }
}
