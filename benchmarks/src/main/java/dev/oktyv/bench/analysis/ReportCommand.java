package dev.oktyv.bench.analysis;

import dev.oktyv.analysis.compare.Comparison;
import dev.oktyv.analysis.compare.FlameDiffGenerator;
import dev.oktyv.analysis.compare.RunComparator;
import dev.oktyv.analysis.report.ReadinessPages;
import dev.oktyv.analysis.report.ReportGenerator;
import dev.oktyv.analysis.stats.VerdictPolicy;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.store.RunFilterOptions;
import dev.oktyv.bench.store.RunReads;
import dev.oktyv.bench.store.StoreOptions;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import dev.oktyv.results.RunStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report RUN [--compare BASELINE]}: writes report.html and report.md into the run folder. */
@Command(name = "report", description = "Writes report.html (self-contained, offline charts) and report.md into the run folder.")
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id, path, commit, latest or latest~N.")
    String run;
    @Option(names = "--compare", paramLabel = "BASELINE", description = "Add a comparison against this run.")
    String baseline;
    @Mixin
    StoreOptions store;
    @Mixin
    RunFilterOptions filter;
    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5%", description = "Minimum relative effect for the comparison (default: ${DEFAULT-VALUE}).")
    String threshold;
    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.01", description = "Significance level for the comparison (default: ${DEFAULT-VALUE}).")
    String alpha;

    @Override
    public Integer call() throws Exception {
        VerdictPolicy policy = new VerdictPolicy(Inputs.percent("--threshold", threshold), Inputs.alpha(alpha));
        if (store.throughStore(filter)) {
            // The report is written into the run folder: a run read from a shared store is exported to
            // --results-dir (kept there) first; the baseline only needs reading.
            Path scratch = java.nio.file.Files.createTempDirectory("oktyv-report");
            try (RunStore s = store.open()) {
                RunFolder folder = Inputs.folder(store.resultsDir(), local(s, run, "RUN"), "RUN");
                Optional<RunFolder> b = baseline == null ? Optional.empty() : Optional.of(
                        RunStore.isStoreReference(baseline) ? RunReads.resolve(s, baseline, store.filter(filter), scratch, "--compare")
                                : Inputs.folder(store.resultsDir(), baseline, "--compare"));
                return report(policy, folder, b);
            } finally {
                dev.oktyv.results.DirectoryTree.delete(scratch);
            }
        }
        return report(policy, Inputs.folder(store.resultsDir(), run, "RUN"),
                baseline == null ? Optional.empty() : Optional.of(Inputs.folder(store.resultsDir(), baseline, "--compare")));
    }

    /** {@code reference} as a folder under --results-dir: exported there from a shared store when not there yet. */
    private String local(RunStore s, String reference, String what) throws IOException {
        if (!RunStore.isStoreReference(reference)) {
            return reference;
        }
        RunId id;
        try {
            id = s.resolve(reference, store.filter(filter));
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + " " + e.getMessage(), e);
        }
        Path there = store.resultsDir().resolve(id.value());
        if (!java.nio.file.Files.isDirectory(there)) {
            s.open(id, store.resultsDir());
        }
        return there.toString();
    }

    private int report(VerdictPolicy policy, RunFolder folder, Optional<RunFolder> base) throws Exception {
        if (ReadinessPages.isReadinessRun(folder)) {
            if (base.isPresent()) {
                throw new UsageException("--compare: run " + folder.id() + " is a readiness run; compare its"
                        + " performance/ JMH run with `compare` instead");
            }
            try {
                // The five phases on top, then each phase's detail, from production-hardening-results.json.
                ReadinessPages.write(folder);
            } catch (IOException | IllegalArgumentException e) {
                throw new UsageException("cannot read run " + folder.path() + ": " + e.getMessage(), e);
            }
            spec.commandLine().getOut().println("wrote " + folder.reportHtml() + " and " + RunFolder.REPORT_MD);
            return 0;
        }
        Optional<Comparison> comparison = Optional.empty();
        if (base.isPresent()) {
            RunFolder b = base.get();
            // Regressed benchmarks profiled in both runs get diff/<id>-<event>.html, linked from the report.
            FlameDiffGenerator diffs = new FlameDiffGenerator(b, folder,
                    w -> spec.commandLine().getErr().println("warning: " + w));
            comparison = Optional.of(new RunComparator(policy, diffs).compare(Inputs.comparable(b, "--compare"), Inputs.run(folder)));
        }
        try {
            ReportGenerator.write(folder, ReportGenerator.collect(folder, comparison));
        } catch (IOException e) {
            throw new UsageException("cannot read run " + folder.path() + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("wrote " + folder.path().resolve(ReportGenerator.HTML) + " and " + ReportGenerator.MARKDOWN);
        return 0;
    }
}
