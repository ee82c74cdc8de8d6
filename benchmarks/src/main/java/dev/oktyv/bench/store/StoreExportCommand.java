package dev.oktyv.bench.store;

import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.results.RunFilter;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import dev.oktyv.results.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code store export RUN}: one run out of the shared store, as a new run folder under {@code --results-dir}. */
@Command(name = "export", description = {"Writes a run from the shared store back as a run folder under --results-dir:"
        + " small files byte for byte, artifacts from their URI, checked against their SHA-256.",
        "The folder appears complete or not at all, and never replaces an existing one."})
final class StoreExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    VerboseOption verbose;
    @Mixin
    StoreOptions store;
    @Mixin
    RunFilterOptions filter;

    @Parameters(index = "0", paramLabel = "RUN", description = "A run id, latest or latest~N (complete runs kept by the filters).")
    String run;

    @Override
    public Integer call() throws IOException {
        try (RunStore s = StoreCommand.shared(store, "export")) {
            RunFilter f = store.filter(filter);
            RunId id;
            try {
                id = s.resolve(run, f);
            } catch (IllegalArgumentException e) {
                throw new UsageException("RUN " + e.getMessage(), e);
            }
            if (Files.exists(store.resultsDir().resolve(id.value()))) {
                throw new UsageException("run folder " + store.resultsDir().resolve(id.value())
                        + " exists already: export never writes over a run");
            }
            RunFolder folder;
            try {
                folder = s.open(id, store.resultsDir());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
            spec.commandLine().getOut().println("exported " + id + " to " + folder.path());
        }
        return 0;
    }
}
