package dev.oktyv.bench.analysis;

import dev.oktyv.analysis.history.BenchmarkHistory;
import dev.oktyv.analysis.history.ChangePointDetector;
import dev.oktyv.analysis.history.CommitDates;
import dev.oktyv.analysis.history.HistoryBuilder;
import dev.oktyv.analysis.history.HistoryWriter;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.store.RunFilterOptions;
import dev.oktyv.bench.store.RunReads;
import dev.oktyv.bench.store.StoreOptions;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.DirectoryTree;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.RunStore;
import dev.oktyv.results.StoredRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code history [REGEX] [--limit N]}: per-benchmark trend over complete runs, with level shifts marked. */
@Command(name = "history", description = "Shows each matching benchmark's score over the complete runs in the store,"
        + " ordered by commit date (git) or run start, and marks level shifts (windowed Welch test).")
public final class HistoryCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    VerboseOption verbose;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REGEX", defaultValue = ".", description = "Benchmarks to show (default: all).")
    String regex;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Newest N runs (default: ${DEFAULT-VALUE}).")
    int limit;
    @Mixin
    StoreOptions store;
    @Mixin
    RunFilterOptions filter;
    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException("REGEX '" + regex + "' is not a valid regular expression: " + e.getDescription());
        }
        if (limit < 2) {
            throw new UsageException("--limit must be at least 2, was " + limit);
        }
        ChangePointDetector d = ChangePointDetector.DEFAULT;
        List<BenchmarkHistory> h;
        if (store.throughStore(filter)) {
            // The newest --limit complete runs the filters keep, opened into a scratch root the builder reads.
            Path scratch = Files.createTempDirectory("oktyv-history");
            try (RunStore s = store.open()) {
                List<StoredRun> runs = s.list(store.filter(filter).withStatus(RunStatus.COMPLETE));
                h = history(RunReads.materialize(s, runs.subList(0, Math.min(limit, runs.size())), scratch), p, d);
            } finally {
                DirectoryTree.delete(scratch);
            }
        } else {
            h = history(store.resultsDir(), p, d);
        }
        String text = format == Format.HTML ? HistoryWriter.html(h, d) : HistoryWriter.text(h, d);
        if (output != null) {
            AtomicFiles.writeString(output, text);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        // Nothing to show is not a pass: a nightly job reading the exit code must not take an empty history for one.
        return h.isEmpty() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    private List<BenchmarkHistory> history(Path root, Pattern p, ChangePointDetector d) throws java.io.IOException {
        return new HistoryBuilder(new ResultsStore(root), CommitDates.git(Path.of("").toAbsolutePath()), d)
                .build(p, limit, w -> spec.commandLine().getErr().println("warning: " + w));
    }

    /** The outputs of {@code history}. */
    enum Format { TEXT, HTML }
}
