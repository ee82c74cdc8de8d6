package dev.oktyv.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oktyv.bench.cli.Cli;
import dev.oktyv.bench.cli.ErrorHandler;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunMetadata;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code run} end to end, in this JVM: {@code -f 0} keeps it fast and needs no jar on the class path (the jar and
 * real forks are covered by {@code OktyvBenchJarIT}).
 */
class RunCommandTest {

    @TempDir
    Path tmp;

    private Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--results-dir", tmp.resolve("results").toString(),
                "-f", "0", "-wi", "0", "-i", "1", "-r", "20ms"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private List<RunFolder> runs() throws IOException {
        return new ResultsStore(tmp.resolve("results")).list();
    }

    @Test
    void writesACompleteRunFolderWithJmhsJson() throws IOException {
        Cli.Result r = run("calibration.BaselineBenchmark");
        assertThat(r.exit()).as(r.err()).isZero();

        RunFolder folder = runs().get(0);
        RunMetadata m = folder.readMetadata();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.endedAt()).isPresent();
        assertThat(m.commandLine()).startsWith("run", "--results-dir").endsWith("calibration.BaselineBenchmark");

        JsonArray jmh = JsonParser.parseString(Files.readString(folder.jmhJson())).getAsJsonArray();
        assertThat(jmh).hasSize(2);
        JsonObject consumeCpu = jmh.get(0).getAsJsonObject();
        assertThat(consumeCpu.get("benchmark").getAsString())
                .isEqualTo("dev.oktyv.bench.calibration.BaselineBenchmark.consumeCpu");
        assertThat(consumeCpu.getAsJsonObject("params").get("tokens").getAsString()).isEqualTo("1024");
        assertThat(consumeCpu.getAsJsonObject("primaryMetric").getAsJsonArray("rawData")).hasSize(1);
        assertThat(jmh.get(1).getAsJsonObject().get("benchmark").getAsString()).endsWith("BaselineBenchmark.empty");

        String console = Files.readString(folder.consoleLog());
        assertThat(console).contains("# oktyv-bench: benchmark 1 of 2: dev.oktyv.bench.calibration.BaselineBenchmark.consumeCpu",
                "# Benchmark: dev.oktyv.bench.calibration.BaselineBenchmark.empty",
                "# oktyv-bench: 2 of 2 benchmarks finished, 2 results");
        assertThat(r.out()).contains("# Run complete.");
    }

    @Test
    void paramOverridesReachJmh() throws IOException {
        Cli.Result r = run("-p", "tokens=8,16", "consumeCpu");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonArray jmh = JsonParser.parseString(Files.readString(runs().get(0).jmhJson())).getAsJsonArray();
        assertThat(jmh).extracting(e -> e.getAsJsonObject().getAsJsonObject("params").get("tokens").getAsString())
                .containsExactly("8", "16");
    }

    /**
     * JMH's own spellings, as a JMH user types them: once read as clustered short options ({@code -rf} as
     * {@code -r f}, {@code -foe} as {@code -f oe}) or refused with the whole usage ({@code -bs}, {@code -jvmArgs}),
     * and a repeated {@code -p} was refused.
     */
    @Test
    void jmhSpellingsReachJmh() throws IOException {
        Cli.Result r = run("-rf", "json", "-foe", "true", "-bs", "2", "-wbs", "3", "-to", "7", "-jvmArgs", "-Xmx64m -ea",
                "-p", "tokens=8", "-p", "tokens=16", "BaselineBenchmark.consumeCpu");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("note: -rf json: JMH's JSON results go to ").contains("'oktyv-bench jmh ...'");

        RunFolder folder = runs().get(0);
        assertThat(folder.readMetadata().status()).isEqualTo(RunStatus.COMPLETE);
        JsonArray jmh = JsonParser.parseString(Files.readString(folder.jmhJson())).getAsJsonArray();
        assertThat(jmh).extracting(e -> e.getAsJsonObject().getAsJsonObject("params").get("tokens").getAsString())
                .containsExactly("8", "16");
        assertThat(jmh).extracting(e -> e.getAsJsonObject().get("measurementBatchSize").getAsInt()).containsOnly(2);
        assertThat(jmh).extracting(e -> e.getAsJsonObject().get("warmupBatchSize").getAsInt()).containsOnly(3);
        assertThat(Files.readString(folder.consoleLog())).contains("# Timeout: 7 s per iteration");
    }

    /** A JMH lock taken by another run: one line that says where the override goes, and no run folder at all. */
    @Test
    void aHeldJmhLockIsOneLineAndLeavesNoRunFolder() throws IOException {
        Path lockFile = Files.createFile(tmp.resolve("jmh.lock"));
        RunCommand command = new RunCommand();
        command.lock = new JmhLock(lockFile, false);
        StringWriter err = new StringWriter();
        int exit;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            exit = execute(command, err, "BaselineBenchmark.empty");
        }
        assertThat(exit).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("error: another JMH run holds the lock " + lockFile)
                .contains("java -Djmh.ignoreLock=true -jar oktyv-bench.jar run").endsWith("(the -D goes before -jar)");
        assertThat(runs()).isEmpty();
    }

    /**
     * The lock taken by another run between two benchmarks of this one: the same line, and the folder kept as
     * incomplete with what finished, not as failed (nothing failed). The build runs with -Djmh.ignoreLock=true, so
     * JMH's own failure is played by the invoker, with JMH 1.37's message.
     */
    @Test
    void aJmhLockLostBetweenBenchmarksLeavesAnIncompleteRunNotAFailedOne() throws IOException {
        RunCommand command = new RunCommand();
        command.lock = new JmhLock(tmp.resolve("absent.lock"), false);
        command.invoker = (options, format) -> {
            if (options.getIncludes().get(0).contains("empty")) {
                throw new org.openjdk.jmh.runner.RunnerException("ERROR: Another JMH instance might be running. Unable"
                        + " to acquire the JMH lock (/tmp/jmh.lock), exiting. Use -Djmh.ignoreLock=true to forcefully continue.");
            }
            return JmhInvoker.RUNNER.run(options, format);
        };
        StringWriter err = new StringWriter();
        int exit = execute(command, err, "calibration.BaselineBenchmark");

        assertThat(exit).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("error: another JMH run holds the lock ").endsWith("(the -D goes before -jar)");
        RunFolder folder = runs().get(0);
        assertThat(folder.readMetadata().status()).isEqualTo(RunStatus.INCOMPLETE);
        JsonArray jmh = JsonParser.parseString(Files.readString(folder.jmhJson())).getAsJsonArray();
        assertThat(jmh).extracting(e -> e.getAsJsonObject().get("benchmark").getAsString())
                .containsExactly("dev.oktyv.bench.calibration.BaselineBenchmark.consumeCpu");
    }

    /** Runs {@code command} as {@code oktyv-bench run} does, with the test's short iteration settings. */
    private int execute(RunCommand command, StringWriter err, String regex) {
        CommandLine cl = RunCommand.configure(new CommandLine(command));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl.execute("--results-dir", tmp.resolve("results").toString(), "-f", "0", "-wi", "0", "-i", "1",
                "-r", "20ms", regex);
    }

    @Test
    void aFailingBenchmarkFailsTheRunButKeepsTheOthers() throws IOException {
        Cli.Result r = run("FailingBenchmark");
        assertThat(r.exit()).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(r.err().strip()).startsWith("error: 1 of 2 benchmarks failed: dev.oktyv.bench.testing.FailingBenchmark.aFails (see ");

        RunFolder folder = runs().get(0);
        assertThat(folder.readMetadata().status()).isEqualTo(RunStatus.FAILED);
        JsonArray jmh = JsonParser.parseString(Files.readString(folder.jmhJson())).getAsJsonArray();
        assertThat(jmh).extracting(e -> e.getAsJsonObject().get("benchmark").getAsString())
                .containsExactly("dev.oktyv.bench.testing.FailingBenchmark.bSucceeds");
        assertThat(Files.readString(folder.consoleLog())).contains("deliberate failure for the test");
    }

    @Test
    void failOnErrorStopsAtTheFirstFailure() throws IOException {
        Cli.Result r = run("--foe", "FailingBenchmark");
        assertThat(r.exit()).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(r.err().strip()).startsWith(
                "error: dev.oktyv.bench.testing.FailingBenchmark.aFails failed and --foe stops the run (details in ");

        RunFolder folder = runs().get(0);
        assertThat(folder.readMetadata().status()).isEqualTo(RunStatus.FAILED);
        assertThat(folder.jmhJson()).doesNotExist();
        assertThat(Files.readString(folder.consoleLog())).doesNotContain("FailingBenchmark.bSucceeds");
    }

    @Test
    void jvmArgsAreSplitOnWhitespaceAndAccumulate() {
        RunCommand cmd = new RunCommand();
        RunCommand.configure(new CommandLine(cmd)).parseArgs("--jvm-args", "-Xmx256m  -Dfoo=1", "--jvm-args", "-Dbar=2",
                "-jvmArgsAppend", "-Dbaz=3", "Baseline");
        assertThat(cmd.options().jvmArgs()).containsExactly("-Xmx256m", "-Dfoo=1", "-Dbar=2", "-Dbaz=3");
        assertThat(cmd.options().preset()).isEqualTo(Preset.SUITE);
        assertThat(cmd.options().resultsDir()).isEqualTo(Path.of("results"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Vualt|error: no benchmark matches 'Vualt'; closest: ",
            "-p tokens Baseline|error: -p 'tokens' is not of the form name=value1,value2",
            "-p tokens=abc BaselineBenchmark.consumeCpu|error: -p tokens=abc: 'abc' is not an int (@Param tokens of dev.oktyv.bench.calibration.BaselineBenchmark$Work)",
            "-p tokens=8 -p tokens=1e3 Baseline|error: -p tokens=1e3: '1e3' is not an int (@Param tokens of ",
            "-rf csv Baseline|error: -rf csv: run writes JMH's JSON to ",
            "-rff out.json Baseline|error: -rff out.json: run writes JMH's JSON to ",
            "-o out.txt Baseline|error: -o out.txt: run tees JMH's output to ",
            "-l Baseline|error: -l/-lp: 'oktyv-bench list [REGEX]' lists the benchmarks with their params; 'oktyv-bench jmh ...' is JMH's own",
            "-lprof|error: -lrf/-lprof: use 'oktyv-bench jmh -lprof'",
            "-foe yes Baseline|error: Invalid value for option '-foe': 'yes' is not a boolean",
            "-bs 0 Baseline|error: -bs must be >= 1, was 0",
            "-opi 0 Baseline|error: -opi must be >= 1, was 0",
            "-to 0 Baseline|error: -to must be > 0, was 0",
            "-wm bulky Baseline|error: Invalid value for option '-wm': 'bulky' is not a warm-up mode; use INDI, BULK or BULK_INDI",
            "-v loud Baseline|error: Invalid value for option '-v': 'loud' is not a verbosity; use SILENT, NORMAL or EXTRA",
            "-tg 0,0 Baseline|error: -tg needs at least one thread, was [0, 0]",
            "-Djmh.ignoreLock=true Baseline|error: -Djmh.ignoreLock=true is a JVM property: put it before -jar, as in 'java -Djmh.ignoreLock=true -jar oktyv-bench.jar run ...'",
            "-p size=32 calibration.BaselineBenchmark|error: -p size: no selected benchmark has a @Param named 'size'; known: tokens",
            "-p tokens=1, Baseline|error: -p 'tokens=1,' has an empty value",
            "-prof nosuchprofiler Baseline|error: -prof nosuchprofiler: no such JMH profiler ('oktyv-bench jmh -lprof' lists them)",
            "-w 0ms Baseline|error: -w must be > 0, was 0",
            "-t 0 Baseline|error: -t must be >= 1 or max, was 0",
            "--quick --jmh-defaults Baseline|error: --quick and --jmh-defaults exclude each other; choose one",
            "-bm fastest Baseline|error: Invalid value for option '-bm' (MODE): 'fastest' is not a benchmark mode",
            "-tu days Baseline|error: Invalid value for option '-tu': 'days' is not a time unit",
            "--profile cpu,heap Baseline|error: --profile: unknown profile 'heap' (expected a comma-separated subset of cpu, alloc, lock, wall, jfr)",
            "--profile cpu,,jfr Baseline|error: --profile 'cpu,,jfr' has an empty item",
            "-e Baseline Baseline|error: no benchmark matches 'Baseline' once -e Baseline is applied; closest: ",
    })
    void badInputIsOneLineExit2AndNoRunFolder(String args, String message) throws IOException {
        Cli.Result r = run(args.split(" "));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().findFirst().orElse("")).startsWith(message);
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(runs()).isEmpty();
    }

    /**
     * {@code --profile} end to end with a real fork (the profiler captures in the forked JVM): the run folder gets
     * the flame graph, collapsed stacks, the JFR recording and profile.json, and the console names the cpu engine.
     */
    @Test
    void profileCapturesIntoTheRunFolderAndNamesTheCpuEngine() throws IOException {
        Cli.Result r = Cli.run("run", "--results-dir", tmp.resolve("results").toString(), "--quick",
                "-f", "1", "-wi", "1", "-i", "1", "-w", "200ms", "-r", "200ms",
                "--jvm-args", "-XX:+EnableDynamicAgentLoading", "--profile", "cpu,jfr", "calibration.BaselineBenchmark.consumeCpu$");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();

        RunFolder folder = runs().get(0);
        Path dir = folder.path().resolve("profiles").resolve("dev.oktyv.bench.calibration.BaselineBenchmark.consumeCpu-tokens=1024");
        for (String f : List.of("cpu-f1.html", "cpu-f1-reverse.html", "cpu-f1.collapsed", "jfr-f1.jfr", "profile.json")) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
            assertThat(Files.size(dir.resolve(f))).as(f).isPositive();
        }
        assertThat(Files.readString(dir.resolve("cpu-f1.collapsed"))).contains("BaselineBenchmark.consumeCpu");
        var manifest = dev.oktyv.results.profile.ProfileManifestJson.read(dir.resolve("profile.json"));
        String engine = manifest.forks().get(0).cpuEngine().orElseThrow().id();
        assertThat(engine).isIn("cpu", "ctimer", "itimer");
        assertThat(Files.readString(folder.consoleLog())).contains("# oktyv-bench: profile "
                + "dev.oktyv.bench.calibration.BaselineBenchmark.consumeCpu-tokens=1024: f1 cpu+jfr (cpu engine " + engine + ")");
        assertThat(folder.readMetadata().status()).isEqualTo(RunStatus.COMPLETE);
    }
}
