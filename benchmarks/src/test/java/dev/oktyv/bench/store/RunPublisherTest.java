package dev.oktyv.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.cli.Cli;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.results.RunFilter;
import dev.oktyv.results.RunSession;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.RunStores;
import dev.oktyv.results.StoredRun;
import dev.oktyv.results.store.pg.TestSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunPublisherTest {

    @TempDir
    Path root;

    @Test
    void aWriterWithABadStoreFailsBeforeItStartsARun() {
        Cli.Result unreachable = Cli.run("recovery", "--store", "jdbc:postgresql://127.0.0.1:1/x?user=nobody",
                "--results-dir", root.toString());
        assertThat(unreachable.exit()).as(unreachable.err()).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(unreachable.err()).startsWith("error: cannot reach the store jdbc:postgresql://127.0.0.1:1/x?user=nobody");
        Cli.Result secret = Cli.run("security", "--store", "jdbc:postgresql://127.0.0.1/x?password=Hunter2-secret",
                "--results-dir", root.toString());
        assertThat(secret.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(secret.out() + secret.err()).doesNotContain("Hunter2-secret");
        assertThat(root.toFile().list()).isEmpty();
    }

    @Test
    void theEndedRunIsInTheLocalFolderAndInTheStore() throws Exception {
        try (TestSchema schema = TestSchema.create()) {
            StoreOptions options = new StoreOptions();
            new CommandLine(new Holder(options)).parseArgs("--store", schema.storeUrl(), "--results-dir", root.toString(),
                    "--host-class", "ci-large");
            StoredRun stored;
            try (RunPublisher publisher = options.publisher();
                 RunSession session = publisher.start(Path.of(""), List.of("security", "--quick"), Clock.systemUTC())) {
                session.finish(RunStatus.COMPLETE);
            }
            try (var store = RunStores.open(schema.storeUrl(), Optional.empty())) {
                List<StoredRun> runs = store.list(RunFilter.ALL);
                assertThat(runs).hasSize(1);
                stored = runs.get(0);
            }
            assertThat(stored.metadata().status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(stored.hostClass()).isEqualTo("ci-large");
            assertThat(Files.readString(root.resolve(stored.id().value()).resolve("run.json")))
                    .contains("\"hostClass\": \"ci-large\"");
            assertThat(stored.metadata().commandLine()).containsExactly("security", "--quick");
            assertThat(Files.isDirectory(root.resolve(stored.id().value()))).isTrue();
        }
    }

    /** A command holding just the mixin, to parse its options as a command would. */
    @CommandLine.Command(name = "holder")
    static final class Holder {
        @CommandLine.Mixin
        final StoreOptions options;

        Holder(StoreOptions options) {
            this.options = options;
        }
    }
}
