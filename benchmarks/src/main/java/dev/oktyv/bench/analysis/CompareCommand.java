package dev.oktyv.bench.analysis;

import dev.oktyv.analysis.compare.Comparison;
import dev.oktyv.analysis.compare.ComparisonFormat;
import dev.oktyv.analysis.compare.FailOn;
import dev.oktyv.analysis.compare.FlameDiffGenerator;
import dev.oktyv.analysis.compare.RunComparator;
import dev.oktyv.analysis.stats.VerdictPolicy;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.store.RunFilterOptions;
import dev.oktyv.bench.store.RunReads;
import dev.oktyv.bench.store.StoreOptions;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStore;
import dev.oktyv.analysis.model.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;
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
        "A side is a run id, a run folder path, a commit sha or prefix (newest complete run at it), latest or latest~N,"
                + " or a plain JMH JSON file (-rf json output of any JMH run).",
        "Several runs per side, comma-separated (compare A1,A2,A3 B1,B2,B3), are pooled: their forks together are the"
                + " side's samples (interleaved rounds from scripts/compare-commits.sh --rounds)."})
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE")
    String baseline;
    @Parameters(index = "1", paramLabel = "CANDIDATE")
    String candidate;

    @Mixin
    StoreOptions store;
    @Mixin
    RunFilterOptions filter;
    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5%", description = "Minimum relative effect (default: ${DEFAULT-VALUE}).")
    String threshold;
    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.01", description = "Significance level (default: ${DEFAULT-VALUE}).")
    String alpha;
    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ComparisonFormat format;
    @Option(names = "--fail-on", paramLabel = "WHAT", split = ",", description = {"'regression': exit 1 if any benchmark"
            + " regressed; a comparison where nothing could be tested (1 fork per side) then still exits 0.",
            "'regression,untestable': also exit 1 when any row could not be tested (for CI that must not pass silently)."})
    Set<FailOn> failOn = EnumSet.noneOf(FailOn.class);
    @Option(names = "--alloc-floor", paramLabel = "BYTES", defaultValue = "8",
            description = "B/op changes smaller than this are unchanged whatever their relative size (default: ${DEFAULT-VALUE}).")
    double allocFloorBytes;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    /** The store the run references resolve in, when read through one; see {@link #call}. */
    private RunStore runs;

    @Override
    public Integer call() throws Exception {
        if (!(allocFloorBytes >= 0 && Double.isFinite(allocFloorBytes))) {
            throw new UsageException("--alloc-floor must be a number of bytes >= 0, was " + allocFloorBytes);
        }
        VerdictPolicy policy = new VerdictPolicy(Inputs.percent("--threshold", threshold), Inputs.alpha(alpha), allocFloorBytes);
        Path scratch = java.nio.file.Files.createTempDirectory("oktyv-compare");
        // Through the store (--store, or a --branch/--host-class filter) latest~N counts only the runs kept.
        try (RunStore runs = store.throughStore(filter) ? store.open() : null) {
            this.runs = runs;
            return compare(policy, format, failOn, scratch);
        } finally {
            dev.oktyv.results.DirectoryTree.delete(scratch);
        }
    }

    private int compare(VerdictPolicy policy, ComparisonFormat fmt, Set<FailOn> gate, Path scratch) throws Exception {
        List<RunFolder> bs = side(baseline, "BASELINE", scratch);
        List<RunFolder> cs = side(candidate, "CANDIDATE", scratch);
        // Pooled sides are named after their last run: flame diffs and links use it.
        RunFolder b = bs.get(bs.size() - 1);
        RunFolder c = cs.get(cs.size() - 1);
        // Regressed benchmarks profiled in both runs get diff/<id>-<event>.html in the candidate, linked below.
        FlameDiffGenerator diffs = new FlameDiffGenerator(b, c, w -> spec.commandLine().getErr().println("warning: " + w));
        // Every run of a side must be complete and hold JMH results: a failed or damaged one is named, exit 2.
        List<Run> baseRuns = new ArrayList<>();
        for (RunFolder f : bs) {
            baseRuns.add(Inputs.comparable(f, "BASELINE"));
        }
        List<Run> candidateRuns = new ArrayList<>();
        for (RunFolder f : cs) {
            candidateRuns.add(Inputs.comparable(f, "CANDIDATE"));
        }
        Comparison comparison = new RunComparator(policy, diffs).compare(baseRuns, candidateRuns);
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
        String failure = FailOn.failure(gate, comparison);
        if (failure != null) {
            spec.commandLine().getErr().println("compare --fail-on " + FailOn.wireNames(gate) + ": " + failure);
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.OK;
    }

    /** One side: a run reference, or several separated by commas (each its own scratch store for JMH files). */
    private List<RunFolder> side(String specs, String what, Path scratch) throws java.io.IOException {
        List<RunFolder> out = new ArrayList<>();
        String[] parts = specs.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                throw new UsageException(what + " '" + specs + "': an empty run reference in the list");
            }
            RunFolder f = runs != null && RunStore.isStoreReference(part)
                    ? RunReads.resolve(runs, part, store.filter(filter), scratch.resolve("store"), what)
                    : Inputs.folderOrJmhFile(store.resultsDir(), part, what, scratch.resolve(Integer.toString(i)));
            if (out.stream().anyMatch(o -> o.path().toAbsolutePath().normalize()
                    .equals(f.path().toAbsolutePath().normalize()))) {
                // Pooled twice, its forks would count twice and fake precision.
                throw new UsageException(what + " '" + specs + "': run " + f.id().value() + " is listed twice");
            }
            out.add(f);
        }
        return out;
    }
}
