package dev.oktyv.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oktyv.bench.catalog.BenchmarkCatalog;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunMetadata;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.SuiteVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code oktyv-bench.jar} as a user runs it: a child JVM, in a directory outside any git checkout,
 * under a German locale. Runs in {@code mvn verify} after {@code package}; keeps JMH runs to fractions of a second.
 */
class OktyvBenchJarIT {

    private static final Path JAR = Path.of(System.getProperty("oktyv.jar", "target/oktyv-bench.jar")).toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path cwd;

    record Proc(int exit, String out, String err) {
    }

    private Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Other builds on the machine may be benchmarking; JMH's machine-wide lock must not fail the test.
                "-Djmh.ignoreLock=true", "-Duser.language=de", "-Duser.country=DE", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectOutput(cwd.resolve("stdout.txt").toFile()).redirectError(cwd.resolve("stderr.txt").toFile())
                .start();
    }

    private Proc run(String... args) throws Exception {
        Process p = start(args);
        try {
            assertThat(p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("finished within " + TIMEOUT).isTrue();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return new Proc(p.exitValue(), Files.readString(cwd.resolve("stdout.txt")),
                Files.readString(cwd.resolve("stderr.txt")));
    }

    @Test
    void versionNamesTheSuite() throws Exception {
        Proc p = run("--version");
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out()).startsWith("oktyv-bench " + SuiteVersion.get());
    }

    @Test
    void listShowsTheJarsBenchmarksOnly() throws Exception {
        Proc p = run("list");
        assertThat(p.exit()).as(p.err()).isZero();
        // Column widths follow the longest benchmark name in the jar, so match the spacing loosely.
        assertThat(p.out()).contains("dev.oktyv.bench.calibration.BaselineBenchmark.empty")
                .containsPattern("dev\\.oktyv\\.bench\\.calibration\\.BaselineBenchmark\\.consumeCpu +\\[avgt\\] +tokens=1024");
        assertThat(p.out()).doesNotContain("FailingBenchmark"); // test classes stay out of the jar
    }

    @Test
    void anUnknownOptionPrintsUsageAndExits2() throws Exception {
        Proc p = run("run", "--no-such-option");
        assertThat(p.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(p.err()).startsWith("error: Unknown option: '--no-such-option'").contains("Usage: oktyv-bench run");
    }

    @Test
    void aRegexMatchingNothingSuggestsNamesAndExits2() throws Exception {
        Proc p = run("run", "BaselineBenchmark.emtpy");
        assertThat(p.exit()).isEqualTo(ExitCodes.USAGE);
        // Further suggestions depend on which other benchmarks the jar holds; the two nearest are the point.
        assertThat(p.err().strip()).startsWith("error: no benchmark matches 'BaselineBenchmark.emtpy'; closest: "
                + "dev.oktyv.bench.calibration.BaselineBenchmark.empty, "
                + "dev.oktyv.bench.calibration.BaselineBenchmark.consumeCpu");
        assertThat(cwd.resolve("results")).doesNotExist();
    }

    @Test
    void quickRunWritesACompleteRunFolder() throws Exception {
        Proc p = run("run", "--quick", "-wi", "1", "-i", "1", "-w", "200ms", "-r", "200ms",
                "--results-dir", "results", "BaselineBenchmark.empty");
        assertThat(p.exit()).as(p.err()).isZero();

        List<RunFolder> runs = new ResultsStore(cwd.resolve("results")).list();
        assertThat(runs).hasSize(1);
        RunFolder run = runs.get(0);
        assertThat(run.id().value()).endsWith("-unknown"); // no git checkout here
        RunMetadata m = run.readMetadata();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.git().commit()).isEqualTo("unknown");
        assertThat(m.endedAt()).isPresent();
        assertThat(m.jvm().flags()).contains("-Duser.language=de");

        assertThat(run.hasJmhResults()).isTrue();
        JsonArray jmh = JsonParser.parseString(Files.readString(run.jmhJson())).getAsJsonArray();
        assertThat(jmh).hasSize(1);
        JsonObject result = jmh.get(0).getAsJsonObject();
        assertThat(result.get("benchmark").getAsString()).isEqualTo("dev.oktyv.bench.calibration.BaselineBenchmark.empty");
        assertThat(result.get("forks").getAsInt()).isEqualTo(1);
        assertThat(result.get("measurementTime").getAsString()).isEqualTo("200 ms");
        assertThat(result.getAsJsonObject("primaryMetric").getAsJsonArray("rawData")).isNotEmpty();

        assertThat(Files.readString(run.consoleLog())).contains("# Fork: 1 of 1", "# oktyv-bench: 1 of 1 benchmarks finished");
        assertThat(run.path().resolve("console.log.partial")).doesNotExist();

        Proc results = run("results", "--results-dir", "results");
        assertThat(results.exit()).isZero();
        assertThat(results.out().lines().skip(1).findFirst().orElse(""))
                .startsWith(run.id().value()).contains("complete").endsWith("1");
    }

    @Test
    void terminatingMidRunKeepsFinishedBenchmarksAndStaysIncomplete() throws Exception {
        // Two benchmarks of about 3 s each; the run is stopped (SIGTERM, like Ctrl-C) once the first has landed.
        Process p = start("run", "-f", "1", "-wi", "0", "-i", "6", "-r", "500ms", "--results-dir", "results",
                "calibration.BaselineBenchmark");
        List<ProcessHandle> children = new ArrayList<>();
        try {
            Path results = cwd.resolve("results");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            RunFolder run = null;
            while (System.nanoTime() < deadline && (run == null || !run.hasJmhResults())) {
                assertThat(p.isAlive()).as("run ended early: " + Files.readString(cwd.resolve("stderr.txt"))).isTrue();
                List<RunFolder> runs = new ResultsStore(results).list();
                run = runs.isEmpty() ? null : runs.get(0);
                Thread.sleep(20); // polling a child process: nothing to inject a clock into
            }
            assertThat(run).as("a run folder with jmh.json").isNotNull();
            assertThat(run.readMetadata().status()).isEqualTo(RunStatus.INCOMPLETE);
            children.addAll(p.descendants().toList());
            p.destroy();
            assertThat(p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

            RunMetadata m = run.readMetadata();
            assertThat(m.status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(m.endedAt()).isPresent();
            JsonArray jmh = JsonParser.parseString(Files.readString(run.jmhJson())).getAsJsonArray();
            assertThat(jmh).extracting(e -> e.getAsJsonObject().get("benchmark").getAsString())
                    .containsExactly("dev.oktyv.bench.calibration.BaselineBenchmark.consumeCpu");
            assertThat(run.consoleLog()).exists();
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void theJarMergesTheBenchmarkListsOfEveryModule() throws Exception {
        String jarList;
        String jarHints;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            jarList = read(jar.getInputStream(jar.getEntry("META-INF/BenchmarkList")));
            jarHints = read(jar.getInputStream(jar.getEntry("META-INF/CompilerHints")));
        }
        // Every line parses on its own: no two modules' lines were glued together.
        long lines = jarList.lines().filter(l -> !l.isBlank()).count();
        assertThat(BenchmarkCatalog.fromEntries(parse(jarList)).all()).isNotEmpty();
        assertThat(parse(jarList)).hasSize((int) lines);

        int modules = 0;
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/BenchmarkList"))) {
            String where = url.toString();
            if (where.contains("test-classes") || where.contains("oktyv-bench.jar")) {
                continue; // test-only benchmarks, and the jar itself
            }
            modules++;
            try (InputStream in = url.openStream()) {
                assertThat(jarList.lines()).as("BenchmarkList from " + where).containsAll(nonBlank(read(in)));
            }
            URL hints = new URL(where.replace("META-INF/BenchmarkList", "META-INF/CompilerHints"));
            try (InputStream in = hints.openStream()) {
                assertThat(jarHints.lines()).as("CompilerHints from " + where).containsAll(nonBlank(read(in)));
            }
        }
        assertThat(modules).as("modules contributing benchmarks").isGreaterThanOrEqualTo(1);
    }

    private static List<org.openjdk.jmh.runner.BenchmarkListEntry> parse(String list) {
        List<org.openjdk.jmh.runner.BenchmarkListEntry> out = new ArrayList<>();
        for (String line : nonBlank(list)) {
            out.add(new org.openjdk.jmh.runner.BenchmarkListEntry(line));
        }
        return out;
    }

    private static List<String> nonBlank(String s) {
        return s.lines().filter(l -> !l.isBlank()).toList();
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
