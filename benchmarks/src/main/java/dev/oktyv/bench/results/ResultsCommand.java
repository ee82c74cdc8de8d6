package dev.oktyv.bench.results;

import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.store.RunFilterOptions;
import dev.oktyv.bench.store.RunReads;
import dev.oktyv.bench.store.StoreOptions;
import dev.oktyv.results.DirectoryTree;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunStore;
import dev.oktyv.results.StoredRun;
import java.nio.file.Files;
import dev.oktyv.results.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code results [--limit N]}: the run folders, newest first. */
@Command(name = "results", subcommands = ImportCommand.class, description = {"List run folders, newest first: id, commit, start time (UTC), status,",
        "and the number of results in jmh.json ('-' when the run has none)."})
public final class ResultsCommand implements Callable<Integer> {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N runs (default: ${DEFAULT-VALUE}).")
    int limit = 20;

    @Mixin
    StoreOptions store;

    @Mixin
    RunFilterOptions filter;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new UsageException("--limit must be >= 1, was " + limit);
        }
        if (store.throughStore(filter)) {
            Path scratch = Files.createTempDirectory("oktyv-results");
            try (RunStore s = store.open()) {
                List<StoredRun> all = s.list(store.filter(filter));
                RunReads.materialize(s, all.subList(0, Math.min(limit, all.size())), scratch);
                String kept = store.filter(filter).describe();
                return print(new ResultsStore(scratch).list(), all.size(), "no runs in " + s.location()
                        + (kept.isEmpty() ? "" : " with " + kept));
            } finally {
                DirectoryTree.delete(scratch);
            }
        }
        List<RunFolder> runs = store.local().list();
        return print(runs, runs.size(), "no runs under " + store.resultsDir());
    }

    private int print(List<RunFolder> runs, int total, String none) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (runs.isEmpty()) {
            out.println(none);
            out.flush();
            return 0;
        }
        String format = "%-36s  %-16s  %-19s  %-11s  %s%n";
        out.printf(Locale.ROOT, format, "ID", "COMMIT", "STARTED (UTC)", "STATUS", "BENCHMARKS");
        for (RunFolder run : runs.subList(0, Math.min(limit, runs.size()))) {
            RunSummary s = RunSummaries.read(run);
            out.printf(Locale.ROOT, format, s.id(), s.commit(), DATE.format(s.startedAt()), s.status(), s.benchmarks());
        }
        if (total > limit) {
            out.println("(" + (total - limit) + " older runs not shown; use --limit)");
        }
        out.flush();
        return 0;
    }
}
