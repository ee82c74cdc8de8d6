package dev.oktyv.bench.store;

import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.results.RunStore;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code store migrate|import|export}: a shared results store's set-up and its traffic with run folders. */
@Command(name = "store", subcommands = {StoreCommand.Migrate.class, StoreImportCommand.class, StoreExportCommand.class},
        description = "A shared results store (PostgreSQL) for teams and CI fleets: set it up, import run folders, export runs.")
public final class StoreCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "store needs a sub-command: migrate, import or export");
    }

    /** The shared store named by {@code --store}/{@code OKTYV_STORE}; the filesystem store has nothing to set up. */
    static RunStore shared(StoreOptions options, String command) throws IOException {
        if (options.storeUrl().isEmpty()) {
            throw new UsageException("store " + command + " needs --store URL (or $" + StoreOptions.STORE_ENV + ")");
        }
        return options.openShared(options.storeUrl().get());
    }

    /** {@code store migrate}: creates or upgrades the schema; every other use does the same on the way in. */
    @Command(name = "migrate", description = "Creates the store's tables, or migrates them to this version's schema.")
    static final class Migrate implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        VerboseOption verbose;
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() throws IOException {
            try (RunStore s = shared(store, "migrate")) {
                spec.commandLine().getOut().println("store " + s.location() + " is ready: schema up to date, "
                        + s.list(dev.oktyv.results.RunFilter.ALL).size() + " run(s)");
            }
            return 0;
        }
    }
}
