package dev.oktyv.bench.load.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.OktyvBench;
import dev.oktyv.bench.load.testing.LoopbackHttpServer;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.load.FailureKind;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.LoadSummaryJson;
import dev.oktyv.results.load.StressResult;
import dev.oktyv.results.load.StressResultJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadCommandTest {

    @TempDir
    Path results;

    private final StringWriter err = new StringWriter();

    private int load(String... args) {
        List<String> all = new ArrayList<>(List.of("load", "--quiet", "--results-dir", results.toString()));
        all.addAll(List.of(args));
        return OktyvBench.execute(all.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--rate=0|--rate must be a number greater than 0",
            "--rate=-5|-5",
            "--duration=0s|--duration must be longer than zero",
            "--duration=10|'10' is not a duration",
            "--stages=30s:100,60s|stage '60s'",
            "--rate=0.05|starts no operation",
            "--threshold=p95<200|malformed threshold 'p95<200'",
            "--threshold=bogus<1|unknown metric 'bogus'",
            "--threshold=dropped_rate<150%|malformed threshold 'dropped_rate<150%': dropped rate '150%' is more than 100%",
            "--workers=0|--workers must be >= 1",
            "--max-in-flight=1|--max-in-flight (1) must be at least",
            "--think-time=1s|--think-time and --ramp-up belong to the closed model",
            "--stress|--stress sets the load itself",
            "--profile=cpu,heap|--profile: unknown profile 'heap'",
            "--profile=|--profile needs a comma-separated list",
            "--cache=on|--cache on applies to [database, service-db], and none of",
            "--cache=maybe|maybe"})
    void badArgumentsAreUsageErrorsAndCreateNoRunFolder(String arg, String message) throws Exception {
        List<String> args = new ArrayList<>(List.of("--url", "http://127.0.0.1:9/", arg));
        if (!arg.startsWith("--rate") && !arg.startsWith("--stages")) {
            args.add("--rate=10");
        }
        assertThat(load(args.toArray(String[]::new))).isEqualTo(2);
        assertThat(err.toString()).contains(message).doesNotContain("\tat ");
        assertThat(new ResultsStore(results).list()).isEmpty();
    }

    @Test
    void aStressStepWithAnEmptyScheduleIsAUsageError() throws Exception {
        assertThat(load("--url", "http://127.0.0.1:9/", "--stress", "--stress-by", "rate", "--stress-levels",
                "0.1,10", "--stress-step-duration", "5s")).isEqualTo(2);
        assertThat(err.toString()).contains("starts no operation");
        assertThat(load("--url", "http://127.0.0.1:9/", "--stress", "--stress-levels", "50,10")).isEqualTo(2);
        assertThat(err.toString()).contains("stress levels must increase");
        assertThat(new ResultsStore(results).list()).isEmpty();
    }

    @Test
    void noScenarioIsAUsageError() {
        assertThat(load("no-such-scenario")).isEqualTo(2);
        assertThat(err.toString()).contains("no load scenario matches [no-such-scenario]").contains("database").contains("--url");
    }

    @Test
    @Timeout(20)
    void aRefusingTargetGivesCountedFailuresAFailedThresholdAndNoHang() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int exit = load("--url", "http://127.0.0.1:" + port + "/x", "--rate", "100", "--duration", "1s",
                "--timeout", "2s", "--threshold", "error_rate<1%", "--header", "Authorization: Bearer s3cr3t");
        assertThat(exit).isEqualTo(1);
        RunFolder run = new ResultsStore(results).list().get(0);
        assertThat(run.readMetadata().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(Files.readString(run.runJson())).doesNotContain("s3cr3t").contains("Authorization:<redacted>");
        assertThat(run.readMetadata().commandLine()).startsWith("load", "--quiet").containsOnlyOnce("load");
        LoadSummary s = LoadSummaryJson.read(Files.readString(run.loadDir("http").resolve("summary.json"),
                StandardCharsets.UTF_8));
        assertThat(s.totals().total()).isEqualTo(100);
        assertThat(s.totals().ok()).isZero();
        assertThat(s.totals().failedByKind()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.EXCEPTION);
            assertThat(f.detail()).isEqualTo("java.net.ConnectException");
            assertThat(f.count()).isEqualTo(100);
        });
        assertThat(s.corrected().applicable()).isFalse();
        assertThat(s.outcome()).isEqualTo(dev.oktyv.results.load.LoadSummary.Outcome.FAILED);
        assertThat(run.loadDir("http").resolve("latency.hlog")).exists();
    }

    @Test
    @Timeout(20)
    void everyOperationFailingFailsTheRunWithoutAnyThresholdAndTheLastLineSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // No --threshold: the default error_rate<1% (and, as --rate gives an intended rate, dropped_rate<1%)
        // applies, and is recorded with its outcome.
        assertThat(load("--url", "http://127.0.0.1:" + port + "/x", "--rate", "50", "--duration", "1s", "--timeout", "2s"))
                .isEqualTo(1);
        RunFolder run = new ResultsStore(results).list().get(0);
        List<String> console = Files.readAllLines(run.consoleLog());
        assertThat(console).contains("  threshold error_rate<1%        failed observed 100%");
        assertThat(console.get(console.size() - 1))
                .isEqualTo("load FAILED: http: every operation failed (50 of 50), error_rate<1% failed, observed 100%");
        LoadSummary s = LoadSummaryJson.read(Files.readString(run.loadDir("http").resolve("summary.json")));
        assertThat(s.thresholds()).extracting(t -> t.expression()).containsExactly("error_rate<1%", "dropped_rate<1%");

        // A threshold that says nothing about errors does not make 100% failures a pass either.
        assertThat(load("--url", "http://127.0.0.1:" + port + "/x", "--rate", "50", "--duration", "1s", "--timeout", "2s",
                "--threshold", "dropped>=0")).isEqualTo(1);
        RunFolder secondRun = new ResultsStore(results).list().stream().filter(f -> !f.equals(run)).findFirst().orElseThrow();
        List<String> second = Files.readAllLines(secondRun.consoleLog());
        assertThat(second.get(second.size() - 1)).isEqualTo("load FAILED: http: every operation failed (50 of 50)");
    }

    @Test
    @Timeout(20)
    void aHealthyRunEndsWithAPassLineAndThresholdsInTheirUnits() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            int exit = load("--url", server.url(), "--rate", "50", "--duration", "1s", "--threshold", "p99<5s");
            assertThat(exit).as(err.toString()).isZero();
        }
        List<String> console = Files.readAllLines(new ResultsStore(results).list().get(0).consoleLog());
        assertThat(console).anySatisfy(l -> assertThat(l).matches("  threshold p99<5s +ok +observed [0-9.]+s"));
        assertThat(console.get(console.size() - 1)).isEqualTo("load passed: 1 scenario, every criterion held");
    }

    @Test
    @Timeout(30)
    void stressWritesOneFolderPerStepAndTheHighestPassingStep() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            int exit = load("--url", server.url(), "--stress", "--stress-levels", "1,2", "--stress-step-duration",
                    "1s", "--threshold", "p99<5s", "--threshold", "error_rate<1%");
            assertThat(exit).isEqualTo(0);
            Path dir = new ResultsStore(results).list().get(0).loadDir("http");
            StressResult r = StressResultJson.read(Files.readString(dir.resolve("stress.json")));
            assertThat(r.steps()).extracting(StressResult.Step::folder).containsExactly("step-01-1", "step-02-2");
            assertThat(r.highestPassingIndex()).hasValue(1);
            assertThat(dir.resolve("step-01-1/summary.json")).exists();
            assertThat(dir.resolve("step-02-2/latency.hlog")).exists();
            assertThat(r.steps().get(1).achievedPerSecond()).isPositive();
            // Named apart from analyze's latency knee (the first p99 jump), which is usually another step.
            assertThat(Files.readString(new ResultsStore(results).list().get(0).consoleLog()))
                    .contains("  highest passing step: step-02-2 (concurrency 2.0, ").doesNotContain("knee");
        }
    }

    /** Each stress step is profiled on its own, so the step at the knee can be diffed with the one before. */
    @Test
    @Timeout(60)
    void stressWithProfileWritesOneProfilePerStep() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            int exit = load("--url", server.url(), "--stress", "--stress-levels", "1,2", "--stress-step-duration",
                    "1500ms", "--threshold", "p99<5s", "--profile", "cpu");
            assertThat(exit).as(err.toString()).isEqualTo(0);
            RunFolder run = new ResultsStore(results).list().get(0);
            for (String step : List.of("step-01-1", "step-02-2")) {
                Path dir = run.profilesDir("http." + step);
                assertThat(dir.resolve("cpu-f1.collapsed")).as(step).isRegularFile();
                assertThat(dev.oktyv.results.profile.ProfileManifestJson.read(dir.resolve("profile.json")).workloadId())
                        .isEqualTo("http." + step);
            }
            assertThat(Files.readString(run.consoleLog())).contains("in profiles/http.step-02-2");
        }
    }

    @Test
    @Timeout(30)
    void openModelAgainstALiveServerPassesItsThresholds() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            int exit = load("--url", server.url(), "--rate", "200", "--duration", "1s", "--warmup", "500ms",
                    "--connections", "2", "--threshold", "dropped==0", "--threshold", "error_rate<1%");
            assertThat(exit).as(err.toString()).isEqualTo(0);
            LoadSummary s = LoadSummaryJson.read(Files.readString(
                    new ResultsStore(results).list().get(0).loadDir("http").resolve("summary.json")));
            assertThat(s.totals().total()).isEqualTo(200);
            assertThat(s.totals().warmupOperations()).isEqualTo(100);
            assertThat(s.rates().targetPerSecond()).isEqualTo(200.0);
            assertThat(s.model().workers()).isEqualTo(2);
            assertThat(server.requests()).isEqualTo(300);
        }
    }

    /** Without warm-up the capture starts before the load; with it, on the timer at the warm-up's end. */
    @ParameterizedTest
    @CsvSource({"0s", "300ms"})
    @Timeout(60)
    void profileCapturesTheMeasuredPhaseIntoProfilesScenarioId(String warmup) throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            // A closed model at full speed keeps the load JVM on the CPU: at a paced 200/s it is idle most of the
            // time, and on a quiet machine a 1.5 s capture then held no cpu sample at all (correctly reported as an
            // empty profile, with no flame graph written), which made this test depend on the machine's load.
            int exit = load("--url", server.url(), "--concurrency", "2", "--duration", "1500ms",
                    "--warmup", warmup, "--profile", "cpu");
            assertThat(exit).as(err.toString()).isEqualTo(0);
            RunFolder run = new ResultsStore(results).list().get(0);
            Path dir = run.profilesDir("http");
            for (String f : List.of("cpu-f1.collapsed", "cpu-f1.html", "cpu-f1-reverse.html", "profile.json")) {
                assertThat(dir.resolve(f)).as(f).isRegularFile();
            }
            var m = dev.oktyv.results.profile.ProfileManifestJson.read(dir.resolve("profile.json"));
            assertThat(m.workloadId()).isEqualTo("http");
            assertThat(m.forks()).singleElement().satisfies(f -> {
                assertThat(f.fork()).isEqualTo(1);
                assertThat(f.asyncEvents()).containsExactly(dev.oktyv.results.profile.EventKind.CPU);
                assertThat(f.cpuEngine().orElseThrow().id()).isIn("cpu", "ctimer", "itimer");
            });
            // The load result is still there and complete: profiling wraps the scenario, it does not replace it.
            assertThat(run.loadDir("http").resolve("summary.json")).isRegularFile();
            assertThat(Files.readString(run.consoleLog())).contains("  profile: cpu (cpu engine ");
        }
    }
}
