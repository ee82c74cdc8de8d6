package dev.oktyv.bench.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.cli.Cli;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.plugin.fixture.FixtureChecks;
import dev.oktyv.bench.serve.ServeRun;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.results.RunFolder;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --plugins DIR} on {@code load}, {@code security}, {@code recovery} and {@code serve}: the jar's checks run
 * beside the built-in ones, and a jar that cannot load is one line, exit 2, no run folder, as with readiness.
 */
@Timeout(120)
class PluginsOnCommandsTest {

    @TempDir
    Path results;
    @TempDir
    Path plugins;

    @Test
    void loadRunsTheJarsScenarioIntoItsOwnFolder() throws IOException {
        PluginJarFixture.write(plugins.resolve("my-checks.jar"), PluginSetTest.oneOfEach());
        Cli.Result r = Cli.run("load", "^fixture-counting$", "--quiet", "--duration", "300ms", "--plugins",
                plugins.toString(), "--results-dir", results.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        RunFolder run = onlyRun();
        assertThat(run.load("fixture-counting").summary()).isRegularFile();
        assertThat(console(run)).contains("plug-in load-scenario fixture-counting (" + FixtureChecks.CountingScenario
                .class.getName() + ", from my-checks.jar)").doesNotContain("plug-in security-probe");
    }

    @Test
    void withoutPluginsTheJarsScenarioIsUnknownToLoad() {
        Cli.Result r = Cli.run("load", "^fixture-counting$", "--quiet", "--duration", "300ms", "--results-dir",
                results.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no load scenario matches [^fixture-counting$]");
    }

    @Test
    void securityScoresTheJarsProbeWithTheBuiltInOnes() throws IOException {
        Cli.Result r = runWithJar(SecurityProbe.class, FixtureChecks.ScratchWritableProbe.class, "security",
                "--category", "general");
        assertThat(r.exit()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.CHECK_FAILED);
        RunFolder run = onlyRun();
        String json = Files.readString(run.securityJson(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"general.fixture-scratch\"").contains("\"general.dependency-advisories\"");
        assertThat(console(run)).contains("plug-in security-probe general.fixture-scratch");
    }

    @Test
    void recoveryRunsTheJarsProbe() throws IOException {
        Cli.Result r = runWithJar(RecoveryProbe.class, FixtureChecks.ScratchRoundTripProbe.class, "recovery",
                "--probe", "^fixture-round-trip$");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        RunFolder run = onlyRun();
        assertThat(Files.readString(run.recoveryJson(), StandardCharsets.UTF_8)).contains("\"fixture-round-trip\"");
        assertThat(console(run)).contains("plug-in recovery-probe fixture-round-trip");
    }

    @Test
    void serveListsTheJarsHealthCheckInHealth() throws Exception {
        PluginJarFixture.write(plugins.resolve("my-checks.jar"),
                Map.of(HealthCheckProvider.class, List.of(FixtureChecks.DownCheck.class.getName())));
        ServeRun serve = ServeRun.start("--duration", "5s", "--plugins", plugins.toString());
        assertThat(serve.out()).contains("Health check from a plug-in: fixture-down");
        // The user's DOWN dependency is in /health beside the engines' checks.
        assertThat(serve.get("/health").body()).contains("\"name\":\"fixture-down\",\"status\":\"DOWN\"")
                .contains("\"name\":\"database\",\"status\":\"UP\"");
        assertThat(serve.exit()).as(serve.err()).isEqualTo(ExitCodes.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"load", "security", "recovery", "serve"})
    void aPluginThatCannotLoadIsOneLineAndExitTwoWithoutARunFolder(String command) throws IOException {
        PluginJarFixture.write(plugins.resolve("broken.jar"), Map.of(Scenario.class, List.of("com.example.Gone")));
        Cli.Result r = run(command);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("plug-in com.example.Gone (listed in broken.jar) failed to load")
                .doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(runs()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"load", "security", "recovery", "serve"})
    void aDirectoryWithoutJarsIsExitTwo(String command) throws IOException {
        Cli.Result r = run(command);
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--plugins " + plugins + ": no .jar file in it").doesNotContain("\tat ");
        assertThat(runs()).isEmpty();
    }

    /** {@code args --plugins DIR --results-dir DIR} with a jar in DIR that lists {@code impl} for {@code service}. */
    private Cli.Result runWithJar(Class<?> service, Class<?> impl, String... args) throws IOException {
        PluginJarFixture.write(plugins.resolve("my-checks.jar"), Map.of(service, List.of(impl.getName())));
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--plugins", plugins.toString(), "--results-dir", results.toString()));
        return Cli.run(all.toArray(String[]::new));
    }

    /** {@code command --plugins DIR}; serve writes no run folder, so it takes no --results-dir. */
    private Cli.Result run(String command) {
        return command.equals("serve") ? Cli.run(command, "--duration", "1s", "--plugins", plugins.toString())
                : Cli.run(command, "--plugins", plugins.toString(), "--results-dir", results.toString());
    }

    private static String console(RunFolder run) throws IOException {
        return Files.readString(run.consoleLog(), StandardCharsets.UTF_8);
    }

    private List<Path> runs() throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(Files::isDirectory).toList();
        }
    }

    private RunFolder onlyRun() throws IOException {
        List<Path> dirs = runs();
        assertThat(dirs).hasSize(1);
        return RunFolder.open(dirs.get(0));
    }
}
