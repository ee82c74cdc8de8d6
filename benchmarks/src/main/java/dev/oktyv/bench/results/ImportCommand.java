package dev.oktyv.bench.results;

import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.store.StoreOptions;
import dev.oktyv.results.GitInfo;
import dev.oktyv.results.JmhImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code results import FILE.json}: a run folder from a JMH result produced elsewhere. */
@Command(name = "import", description = {"Makes a run folder from a JMH JSON result produced elsewhere (Gradle or Maven JMH"
        + " plugins, another machine), so compare, history, analyze and report can use it.",
        "The JVM is taken from the JMH JSON, never from this machine; the host is recorded as unknown."})
public final class ImportCommand implements Callable<Integer> {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{4,40}");

    @Spec
    CommandSpec spec;
    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "A JMH result written with -rf json.")
    Path file;
    @Option(names = "--commit", paramLabel = "SHA", description = "Commit that was measured (4-40 hex digits; default: unknown).")
    String commit;
    @Option(names = "--started", paramLabel = "TIME",
            description = "When the measurement started, ISO-8601 UTC like 2026-11-28T00:15:00Z (default: the file's modification time).")
    String started;
    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("FILE.json '" + file + "' is not a readable file");
        }
        GitInfo git = GitInfo.unknown();
        if (commit != null) {
            String sha = commit.strip().toLowerCase(Locale.ROOT);
            if (!SHA.matcher(sha).matches()) {
                throw new UsageException("--commit must be 4 to 40 hex digits, was '" + commit + "'");
            }
            git = new GitInfo(sha, GitInfo.UNKNOWN, false);
        }
        Instant at;
        try {
            at = started != null ? Instant.parse(started.strip()) : Files.getLastModifiedTime(file).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--started must be an ISO-8601 UTC time like 2026-11-28T00:15:00Z, was '" + started + "'");
        }
        JmhImport.Imported imported;
        try {
            imported = JmhImport.into(store.local(), file, git, at,
                    List.of("results", "import", file.toString()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "imported %d benchmark results into %s (JMH %s, JVM %s %s)%n", imported.benchmarks(),
                imported.folder().path(), String.join(", ", imported.jmhVersions()), imported.jvm().vmName(),
                String.join(", ", imported.jvmVersions()));
        if (imported.jvmVersions().size() > 1) {
            out.println("warning: the file's benchmarks ran in " + imported.jvmVersions().size()
                    + " different JVMs; run.json records the first");
        }
        out.flush();
        return 0;
    }
}
