package dev.oktyv.bench.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.cli.Cli;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.results.recovery.RecoveryReport;
import dev.oktyv.results.recovery.RecoveryReportJson;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class RecoveryCommandTest {

    @TempDir
    Path results;

    @Test
    void runsTheSelectedProbesIntoANewRunFolder() throws IOException {
        Cli.Result r = Cli.run("recovery", "--probe", "^(retry-logic|circuit-breaker)$", "--results-dir", results.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        RunFolder folder = onlyRun();
        RecoveryReport report = RecoveryReportJson.read(folder);
        assertThat(report.outcomes()).extracting(o -> o.probeId()).containsExactly("circuit-breaker", "retry-logic");
        assertThat(report.outcomes()).allMatch(o -> o.verdict() == ProbeVerdict.PASS);
        String console = Files.readString(folder.consoleLog(), StandardCharsets.UTF_8);
        assertThat(console).contains("💥 Testing Retry Logic").contains("✅ Recovered after 3 attempts")
                .contains("📊 Recovery success rate: 100.0% (2 of 2 passed): Excellent");
    }

    /** A target service whose every answer is a 500 quoting SQL: the error-answers probe must fail on it. */
    @Test
    void aFailingProbeExitsOne(@TempDir Path tokenDir) throws IOException {
        HttpServer leaky = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        leaky.createContext("/", exchange -> {
            byte[] body = "SELECT * FROM items failed".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        leaky.start();
        try {
            Path token = Files.writeString(tokenDir.resolve("token"), "leaky-target-token");
            Cli.Result r = Cli.run("recovery", "--probe", "service-error-answers", "--target-url",
                    "http://127.0.0.1:" + leaky.getAddress().getPort(), "--target-token-file", token.toString(),
                    "--results-dir", results.toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CHECK_FAILED);
            assertThat(Files.readString(onlyRun().consoleLog(), StandardCharsets.UTF_8))
                    .contains("❌ /health: HTTP 500").contains("Needs work");
        } finally {
            leaky.stop(0);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwoWithoutARunFolder() throws IOException {
        Cli.Result badRegex = Cli.run("recovery", "--probe", "(", "--results-dir", results.toString());
        assertThat(badRegex.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badRegex.err()).contains("--probe '('").doesNotContain("\tat ");
        Cli.Result none = Cli.run("recovery", "--probe", "no-such-probe", "--results-dir", results.toString());
        assertThat(none.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("matches no recovery probe").contains("retry-logic");
        Cli.Result half = Cli.run("recovery", "--target-url", "http://127.0.0.1:1", "--results-dir", results.toString());
        assertThat(half.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(half.err()).contains("--target-url and --target-token-file go together");
        try (Stream<Path> runs = Files.list(results)) {
            assertThat(runs.toList()).isEmpty();
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
