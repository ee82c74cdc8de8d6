package dev.oktyv.bench.store;

import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunAlreadyStoredException;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import dev.oktyv.results.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code store import DIR…}: run folders into the shared store. A DIR is one run folder or a results root of them.
 * Importing a run the store holds already says so and changes nothing, so re-running an import is safe.
 */
@Command(name = "import", description = {"Loads run folders into the shared store. DIR is a run folder, or a results root"
        + " whose run folders are all loaded.", "A run already in the store is reported and left as it is."})
final class StoreImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    VerboseOption verbose;
    @Mixin
    StoreOptions store;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Run folders, or results roots holding run folders.")
    List<Path> dirs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int imported = 0;
        int already = 0;
        int failed = 0;
        try (RunStore s = StoreCommand.shared(store, "import")) {
            List<RunFolder> runs = new ArrayList<>();
            for (Path d : dirs) {
                runs.addAll(runsIn(d));
            }
            for (RunFolder run : runs) {
                try {
                    out.println("imported " + s.publish(run));
                    imported++;
                } catch (RunAlreadyStoredException e) {
                    out.println("already in the store: " + e.id());
                    already++;
                } catch (IllegalArgumentException e) {
                    err.println("error: " + run.path() + ": " + e.getMessage());
                    failed++;
                }
            }
        }
        out.printf(java.util.Locale.ROOT, "%d imported, %d already in the store, %d not importable%n", imported, already, failed);
        out.flush();
        return failed > 0 ? ExitCodes.USAGE : ExitCodes.OK;
    }

    private static List<RunFolder> runsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("DIR '" + dir + "' is not a directory");
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        if (name != null && RunId.isRunId(name.toString())) {
            return List.of(RunFolder.open(dir));
        }
        List<RunFolder> runs = new ResultsStore(dir).list();
        if (runs.isEmpty()) {
            throw new UsageException("DIR '" + dir + "' is neither a run folder nor a results root holding run folders");
        }
        return runs;
    }
}
