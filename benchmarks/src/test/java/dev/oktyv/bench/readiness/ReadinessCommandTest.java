package dev.oktyv.bench.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oktyv.bench.cli.Cli;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.plugin.PluginJarFixture;
import dev.oktyv.bench.plugin.fixture.FixtureChecks;
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

@Timeout(120)
class ReadinessCommandTest {

    @TempDir
    Path results;

    @Test
    void monitoringAloneIsReadyAndWritesTheVerdictIntoOneRunFolder() throws IOException {
        Cli.Result r = Cli.run("readiness", "--quick", "--phases", "monitoring", "--results-dir", results.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        RunFolder folder = onlyRun();
        JsonObject json = JsonParser.parseString(Files.readString(folder.readinessJson(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertThat(json.get("verdict").getAsString()).isEqualTo("ready");
        JsonObject monitoring = json.getAsJsonArray("phases").get(3).getAsJsonObject();
        assertThat(monitoring.get("status").getAsString()).isEqualTo("ready");
        assertThat(monitoring.getAsJsonArray("figures").toString())
                .contains("{\"name\":\"requestsSent\",\"value\":50.0,\"unit\":\"count\"}")
                .contains("{\"name\":\"requestsCounted\",\"value\":50.0,\"unit\":\"count\"}");
        assertThat(json.getAsJsonArray("phases").get(0).getAsJsonObject().get("notRunReason").getAsString())
                .isEqualTo("excluded with --phases");
        String console = Files.readString(folder.consoleLog(), StandardCharsets.UTF_8);
        assertThat(console).contains("[1/1] monitoring: ready, Good in ")
                .contains("Monitoring:          ✅ READY (Good)")
                .contains("READY in the selected phases ([monitoring])")
                .doesNotContain("ALL SYSTEMS GO") // four phases were not assessed
                .doesNotContain("Bearer"); // the monitoring phase's token stays in its request headers
    }

    /** The brief's end-to-end run: about 70 s on two cores (security's slow-clients probe alone takes ~20 s). */
    @Test
    @Timeout(300)
    void securityRecoveryAndMonitoringOnTheEmbeddedEngines() throws IOException {
        Cli.Result r = Cli.run("readiness", "--quick", "--phases", "security,recovery,monitoring",
                "--results-dir", results.toString());
        assertThat(r.exit()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.CHECK_FAILED);
        RunFolder folder = onlyRun();
        // Each phase's own file lands in the one run folder.
        assertThat(folder.securityJson()).isRegularFile();
        assertThat(folder.securitySarif()).isRegularFile();
        assertThat(folder.recoveryJson()).isRegularFile();
        JsonObject json = JsonParser.parseString(Files.readString(folder.readinessJson(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        var phases = json.getAsJsonArray("phases");
        for (int i : new int[] {1, 3, 4}) {
            JsonObject p = phases.get(i).getAsJsonObject();
            assertThat(p.get("status").getAsString()).as(p.get("phase").getAsString()).isIn("ready", "not-ready");
            assertThat(p.get("band").isJsonNull()).isFalse();
        }
        boolean allReady = List.of(1, 3, 4).stream()
                .allMatch(i -> phases.get(i).getAsJsonObject().get("status").getAsString().equals("ready"));
        // The exit code and the file's verdict agree with the phases.
        assertThat(json.get("verdict").getAsString()).isEqualTo(allReady ? "ready" : "not-ready");
        assertThat(r.exit()).isEqualTo(allReady ? ExitCodes.OK : ExitCodes.CHECK_FAILED);
        String console = Files.readString(folder.consoleLog(), StandardCharsets.UTF_8);
        assertThat(console).contains("[1/3] security: ").contains("[2/3] monitoring: ").contains("[3/3] recovery: ")
                .contains("Security Audit:      ").contains("Error Recovery:      ");
    }

    /**
     * Phase 3 end to end on a tiny benchmark set (one paired benchmark, two forks per variant, then the slower
     * variant profiled): about 40 s on two cores. Without the load phase it judges from JMH alone.
     */
    @Test
    @Timeout(240)
    void performanceAloneRunsJmhProfilesTheSlowestAndJudgesFromTheBenchmarks() throws IOException {
        Cli.Result r = Cli.run("readiness", "--quick", "--phases", "performance", "--bench", "FileReadBenchmark",
                "--results-dir", results.toString());
        assertThat(r.exit()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.CHECK_FAILED);
        RunFolder folder = onlyRun();
        assertThat(folder.performance().jmhJson()).isRegularFile();
        JsonObject json = JsonParser.parseString(Files.readString(folder.readinessJson(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonObject perf = json.getAsJsonArray("phases").get(2).getAsJsonObject();
        assertThat(perf.get("status").getAsString()).isIn("ready", "not-ready");
        assertThat(perf.getAsJsonArray("criteria").toString()).contains("JMH sample time per operation")
                .doesNotContain("load scenario");
        JsonObject evidence = perf.getAsJsonObject("evidence");
        assertThat(evidence.get("benchmarksRun").getAsInt()).isEqualTo(2); // variant=confined and variant=baseline
        var gains = evidence.getAsJsonArray("gains");
        assertThat(gains).hasSize(1);
        assertThat(gains.get(0).getAsJsonObject().get("label").getAsString()).contains("variant=confined", "variant=baseline");
        // Two forks per side: the gain has an interval.
        assertThat(gains.get(0).getAsJsonObject().get("low").isJsonNull()).isFalse();
        JsonObject profiled = evidence.getAsJsonArray("profiled").get(0).getAsJsonObject();
        assertThat(profiled.get("engine").getAsString()).isIn("perf", "ctimer", "itimer");
        for (var flame : profiled.getAsJsonArray("flameGraphs")) {
            assertThat(folder.path().resolve(flame.getAsString())).isRegularFile();
        }
        assertThat(profiled.getAsJsonArray("flameGraphs")).isNotEmpty();
        String console = Files.readString(folder.consoleLog(), StandardCharsets.UTF_8);
        assertThat(console).contains("  jmh: 2 results of 1 benchmarks").contains("  gain ")
                .contains("  profiled FileReadBenchmark.read");
        // readiness writes the report at the end; `report RUN` rewrites it from the verdict file.
        String md = Files.readString(folder.reportMarkdown(), StandardCharsets.UTF_8);
        assertThat(md).contains("| Performance |").contains("Paired optimisation variants");
        Files.delete(folder.reportMarkdown());
        Cli.Result report = Cli.run("report", folder.path().toString(), "--results-dir", results.toString());
        assertThat(report.exit()).as(report.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(folder.reportMarkdown(), StandardCharsets.UTF_8)).isEqualTo(md);
    }

    @Test
    void aBenchFilterMatchingNothingIsExitTwoWithoutARunFolder() throws IOException {
        Cli.Result r = Cli.run("readiness", "--phases", "performance", "--bench", "NoSuchBenchmark",
                "--results-dir", results.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--bench: no benchmark matches 'NoSuchBenchmark'").doesNotContain("\tat ");
        Cli.Result without = Cli.run("readiness", "--phases", "security", "--bench", "FileReadBenchmark",
                "--results-dir", results.toString());
        assertThat(without.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(without.err()).contains("--bench chooses the performance phase's benchmarks");
        try (Stream<Path> runs = Files.list(results)) {
            assertThat(runs.filter(Files::isDirectory).toList()).isEmpty();
        }
    }

    @Test
    void badInputIsOneLineAndExitTwoWithoutARunFolder() throws IOException {
        Cli.Result phase = Cli.run("readiness", "--phases", "load,speed", "--results-dir", results.toString());
        assertThat(phase.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(phase.err()).contains("unknown phase 'speed'").doesNotContain("\tat ");

        Path typo = results.resolve("typo.json");
        Files.writeString(typo, "{\"securityMinScor\": 95}");
        Cli.Result unknown = Cli.run("readiness", "--criteria", typo.toString(), "--results-dir", results.toString());
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown field 'securityMinScor'").doesNotContain("\tat ");

        Path wrongType = results.resolve("type.json");
        Files.writeString(wrongType, "{\"performanceMaxP95Millis\": \"fast\"}");
        Cli.Result type = Cli.run("readiness", "--criteria", wrongType.toString(), "--results-dir", results.toString());
        assertThat(type.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(type.err()).contains("field 'performanceMaxP95Millis' must be a number");

        Cli.Result missing = Cli.run("readiness", "--criteria", results.resolve("nope.json").toString(),
                "--results-dir", results.toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("nope.json: cannot read it");
        try (Stream<Path> runs = Files.list(results)) {
            assertThat(runs.filter(Files::isDirectory).toList()).isEmpty();
        }
    }

    @Test
    void aUsersHealthCheckFromPluginsRunsBesideTheBuiltInOnesAndIsListed(@TempDir Path plugins) throws IOException {
        PluginJarFixture.write(plugins.resolve("my-checks.jar"),
                Map.of(HealthCheckProvider.class, List.of(FixtureChecks.UpCheck.class.getName())));
        Cli.Result r = Cli.run("readiness", "--quick", "--phases", "monitoring", "--plugins", plugins.toString(),
                "--results-dir", results.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        RunFolder folder = onlyRun();
        JsonObject json = JsonParser.parseString(Files.readString(folder.readinessJson(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonObject plugin = json.getAsJsonArray("plugins").get(0).getAsJsonObject();
        assertThat(plugin.get("kind").getAsString()).isEqualTo("health-check");
        assertThat(plugin.get("id").getAsString()).isEqualTo("fixture-up");
        assertThat(plugin.get("source").getAsString()).isEqualTo("my-checks.jar");
        assertThat(Files.readString(folder.consoleLog(), StandardCharsets.UTF_8))
                .contains("plug-in health-check fixture-up").contains("health fixture-up");
    }

    /** A user's check counts: a health check of theirs that is DOWN turns monitoring and the verdict NOT READY. */
    @Test
    void aUsersFailingHealthCheckMakesMonitoringNotReady(@TempDir Path plugins) throws IOException {
        PluginJarFixture.write(plugins.resolve("my-checks.jar"),
                Map.of(HealthCheckProvider.class, List.of(FixtureChecks.DownCheck.class.getName())));
        Cli.Result r = Cli.run("readiness", "--quick", "--phases", "monitoring", "--plugins", plugins.toString(),
                "--results-dir", results.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(Files.readString(onlyRun().consoleLog(), StandardCharsets.UTF_8))
                .contains("❌ health fixture-down").contains("❌ NOT READY");
    }

    @Test
    void aPluginThatCannotLoadIsOneLineAndExitTwoWithoutARunFolder(@TempDir Path plugins) throws IOException {
        PluginJarFixture.write(plugins.resolve("broken.jar"),
                Map.of(HealthCheckProvider.class, List.of("com.example.Gone")));
        Cli.Result r = Cli.run("readiness", "--quick", "--phases", "monitoring", "--plugins", plugins.toString(),
                "--results-dir", results.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("plug-in com.example.Gone (listed in broken.jar) failed to load")
                .doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
        try (Stream<Path> runs = Files.list(results)) {
            assertThat(runs.filter(Files::isDirectory).toList()).isEmpty();
        }
    }

    private RunFolder onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            List<Path> dirs = runs.filter(Files::isDirectory).toList();
            assertThat(dirs).hasSize(1);
            return RunFolder.open(dirs.get(0));
        }
    }
}
