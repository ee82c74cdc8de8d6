package dev.oktyv.bench.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.plugin.fixture.FixtureChecks;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.results.readiness.Phase;
import dev.oktyv.results.readiness.PluginKind;
import dev.oktyv.results.readiness.PluginRef;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginSetTest {

    @TempDir
    Path dir;

    private final ClassLoader parent = getClass().getClassLoader();

    static Map<Class<?>, List<String>> oneOfEach() {
        return Map.of(
                Scenario.class, List.of(FixtureChecks.CountingScenario.class.getName()),
                SecurityProbe.class, List.of("# a comment line, as in any service list",
                        FixtureChecks.ScratchWritableProbe.class.getName() + "  # trailing comment"),
                RecoveryProbe.class, List.of(FixtureChecks.ScratchRoundTripProbe.class.getName()),
                HealthCheckProvider.class, List.of(FixtureChecks.UpCheck.class.getName()));
    }

    @Test
    void findsOneOfEachKindBesideTheBuiltInsAndNamesTheJar() throws IOException {
        PluginSet builtIn = PluginSet.discover(parent);
        assertThat(builtIn.plugins()).isEmpty();
        assertThat(builtIn.securityProbes()).isNotEmpty();

        PluginJarFixture.write(dir.resolve("test-checks.jar"), oneOfEach());
        PluginSet set = discover();
        assertThat(set.plugins()).extracting(PluginRef::kind, PluginRef::id, PluginRef::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PluginKind.LOAD_SCENARIO, "fixture-counting", "test-checks.jar"),
                org.assertj.core.groups.Tuple.tuple(PluginKind.SECURITY_PROBE, "general.fixture-scratch",
                        "test-checks.jar"),
                org.assertj.core.groups.Tuple.tuple(PluginKind.RECOVERY_PROBE, "fixture-round-trip",
                        "test-checks.jar"),
                org.assertj.core.groups.Tuple.tuple(PluginKind.HEALTH_CHECK, "fixture-up", "test-checks.jar"));
        // The user's checks run with the built-in ones, not instead of them.
        assertThat(set.securityProbes()).hasSize(builtIn.securityProbes().size() + 1);
        assertThat(set.recoveryProbes()).hasSize(builtIn.recoveryProbes().size() + 1);
        assertThat(set.scenarios()).extracting(Scenario::id).containsExactly("fixture-counting");
        assertThat(set.healthChecks()).extracting(HealthCheckProvider::name).containsExactly("fixture-up");
        assertThat(set.pluginsOf(EnumSet.of(Phase.MONITORING))).extracting(PluginRef::id)
                .containsExactly("fixture-up");
    }

    @Test
    void aListedClassThatIsMissingNamesTheClassAndTheJar() throws IOException {
        PluginJarFixture.write(dir.resolve("broken.jar"),
                Map.of(SecurityProbe.class, List.of("com.example.NoSuchProbe")));
        assertThatThrownBy(this::discover).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("plug-in com.example.NoSuchProbe (listed in broken.jar) failed to load: ")
                .hasMessageContaining("not found")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aConstructorThatThrowsNamesTheClassAndTheCause() throws IOException {
        PluginJarFixture.write(dir.resolve("throwing.jar"),
                Map.of(RecoveryProbe.class, List.of(FixtureChecks.ThrowingProbe.class.getName())));
        assertThatThrownBy(this::discover).isInstanceOf(UsageException.class)
                .hasMessageContaining("plug-in " + FixtureChecks.ThrowingProbe.class.getName()
                        + " (listed in throwing.jar) failed to load")
                .hasMessageContaining("fixture misconfigured");
    }

    @Test
    void aClassOfTheWrongKindIsRejected() throws IOException {
        PluginJarFixture.write(dir.resolve("mixed-up.jar"),
                Map.of(HealthCheckProvider.class, List.of(FixtureChecks.ScratchWritableProbe.class.getName())));
        assertThatThrownBy(this::discover).isInstanceOf(UsageException.class)
                .hasMessageContaining("plug-in " + FixtureChecks.ScratchWritableProbe.class.getName()
                        + " (listed in mixed-up.jar) failed to load");
    }

    @Test
    void aProbeIdTakenByABuiltInProbeIsRejectedNamingTheUsersClass() throws IOException {
        PluginJarFixture.write(dir.resolve("shadow.jar"),
                Map.of(RecoveryProbe.class, List.of(FixtureChecks.ShadowingProbe.class.getName())));
        assertThatThrownBy(this::discover).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("plug-in " + FixtureChecks.ShadowingProbe.class.getName()
                        + " (listed in shadow.jar) failed to load")
                .hasMessageContaining("share the id 'circuit-breaker'");
    }

    @Test
    void aHealthCheckNamedLikeABuiltInEngineCheckIsRejected() throws IOException {
        PluginJarFixture.write(dir.resolve("clash.jar"),
                Map.of(HealthCheckProvider.class, List.of(FixtureChecks.DatabaseNamedCheck.class.getName())));
        assertThatThrownBy(this::discover).isInstanceOf(UsageException.class)
                .hasMessage("plug-in " + FixtureChecks.DatabaseNamedCheck.class.getName() + ": health check name"
                        + " 'database' is blank or taken by a built-in check or another plug-in");
    }

    @Test
    void aScenarioIdTakenByABuiltInScenarioIsRejected() throws IOException {
        PluginJarFixture.write(dir.resolve("vault.jar"),
                Map.of(Scenario.class, List.of(FixtureChecks.VaultNamedScenario.class.getName())));
        assertThatThrownBy(this::discover).isInstanceOf(UsageException.class)
                .hasMessage("plug-in " + FixtureChecks.VaultNamedScenario.class.getName() + ": the load scenario id"
                        + " 'vault' is taken by a built-in scenario or another plug-in");
    }

    @Test
    void aDirectoryWithoutJarsOrThatIsNoDirectoryIsBadInput() {
        PluginsOption empty = new PluginsOption();
        empty.dirs = List.of(dir);
        assertThatThrownBy(() -> empty.open(parent)).isInstanceOf(UsageException.class)
                .hasMessage("--plugins " + dir + ": no .jar file in it");
        PluginsOption missing = new PluginsOption();
        missing.dirs = List.of(dir.resolve("nope"));
        assertThatThrownBy(() -> missing.open(parent)).isInstanceOf(UsageException.class)
                .hasMessage("--plugins " + dir.resolve("nope") + ": not a directory");
    }

    private PluginSet discover() throws IOException {
        PluginsOption option = new PluginsOption();
        option.dirs = List.of(dir);
        try (URLClassLoader loader = option.open(parent)) {
            return PluginSet.discover(loader);
        }
    }
}
