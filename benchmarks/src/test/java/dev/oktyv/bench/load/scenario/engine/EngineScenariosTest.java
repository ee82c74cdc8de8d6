package dev.oktyv.bench.load.scenario.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.OktyvBench;
import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.executor.Pacer;
import dev.oktyv.bench.load.recording.ProgressLine;
import dev.oktyv.bench.load.scenario.CacheSetting;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.load.scenario.ScenarioRegistry;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.LoadSummaryJson;
import dev.oktyv.system.vault.KdfParams;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each engine scenario, run for 1 s through the real runner at low concurrency: real operations happen (ok > 0),
 * none fails, summary.json is written, and whatever the scenario set up is gone afterwards.
 */
@Timeout(30)
class EngineScenariosTest {

    private static final ProgressLine SILENT = new ProgressLine(new PrintStream(PrintStream.nullOutputStream()), false);

    @TempDir
    Path out;
    @TempDir
    Path scratch;

    private LoadSummary run(Scenario scenario, int concurrency) throws Exception {
        LoadModel model = new LoadModel.Closed(concurrency, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), OptionalDouble.empty());
        Path dir = out.resolve(scenario.id());
        LoadSummary summary = new ScenarioRunner(Pacer.SYSTEM, Clock.systemUTC(), SILENT)
                .run(scenario, model, List.of(), dir).summary();
        assertThat(summary.totals().failedByKind()).isEmpty();
        assertThat(summary.totals().failed()).isZero();
        assertThat(summary.totals().ok()).isPositive();
        assertThat(summary.uncorrected().count()).isEqualTo(summary.totals().ok());
        assertThat(LoadSummaryJson.read(Files.readString(dir.resolve("summary.json"))).scenarioId())
                .isEqualTo(scenario.id());
        assertThat(dir.resolve("latency.hlog")).isRegularFile();
        return summary;
    }

    @Test
    void vaultSetAndGetAndTheVaultDirectoryIsRemoved() throws Exception {
        run(new VaultSetGetScenario(scratch, KdfParams.insecureForTestsOnly(1_000)), 4);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void databasePointQueries() throws Exception {
        run(new DatabaseQueryScenario(), 4);
    }

    /** Through the engine's primary-key cache every answer is still checked against the row's expected name. */
    @Test
    void databasePointQueriesThroughTheCache() throws Exception {
        DatabaseQueryScenario cached = new DatabaseQueryScenario(CacheSetting.ON);
        assertThat(cached.description()).contains("cache on");
        run(cached, 4);
        assertThat(new DatabaseQueryScenario().description()).contains("cache off");
    }

    @Test
    void fileReadsAndWritesAndTheTempRootIsRemoved() throws Exception {
        run(new FileReadWriteScenario(scratch), 3);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void emailToGreenMail() throws Exception {
        run(new EmailSendScenario(), 2);
    }

    @Test
    void apiGetOverHttpsAndTheServerThreadsStop() throws Exception {
        run(new ApiGetScenario(scratch), 4);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("oktyv-load-https-") && t.isAlive());
    }

    @Test
    void loadCommandRunsABuiltInScenarioIntoANewRunFolder() throws Exception {
        StringWriter err = new StringWriter();
        int exit = OktyvBench.execute(new String[]{"load", "^database$", "--duration", "1s", "--concurrency", "4",
                "--quiet", "--results-dir", out.toString(), "--threshold", "error_rate==0"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        List<RunFolder> runs = new ResultsStore(out).list();
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.loadDir("database").resolve("latency.hlog")).isRegularFile();
            LoadSummary s = LoadSummaryJson.read(Files.readString(r.loadDir("database").resolve("summary.json")));
            assertThat(s.totals().ok()).isPositive();
            assertThat(s.model().workers()).isEqualTo(4);
        });
    }

    @Test
    void registryHoldsTheSeedDefaults() {
        List<Scenario> all = ScenarioRegistry.builtIn().select(List.of("^(vault|database|files|email|api)$"));
        assertThat(all).extracting(Scenario::id).containsExactly("vault", "database", "files", "email", "api");
        assertThat(all).extracting(Scenario::defaultConcurrency).containsExactly(50, 100, 30, 20, 200);
        assertThat(all).extracting(Scenario::defaultRampUp).containsExactly(Duration.ofSeconds(1), Duration.ZERO,
                Duration.ZERO, Duration.ZERO, Duration.ZERO);
        assertThat(ScenarioRegistry.builtIn().select(List.of("^(api|files)$"))).extracting(Scenario::id)
                .containsExactly("files", "api");
        // The in-process scenarios come first, then each one's twin over the service's real sockets.
        assertThat(ScenarioRegistry.builtIn().all()).extracting(Scenario::id).containsExactly("vault", "database",
                "files", "email", "api", "service-vault", "service-db", "service-files", "service-email",
                "service-health");
    }
}
