package dev.oktyv.bench.load.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.OktyvBench;
import dev.oktyv.bench.serve.EmbeddedService;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.LoadSummaryJson;
import dev.oktyv.system.service.ServiceOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code load --target-url}: the service-* scenarios against a running service, with a token that leaks nowhere. */
class LoadTargetUrlTest {

    @TempDir
    Path results;
    @TempDir
    Path secrets;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int load(String... args) {
        List<String> all = new ArrayList<>(List.of("load", "--quiet", "--results-dir", results.toString()));
        all.addAll(List.of(args));
        return OktyvBench.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    @Timeout(120)
    void serviceScenariosRunAgainstTheGivenServiceAndItsTokenIsInNoRunFile() throws Exception {
        try (EmbeddedService service = EmbeddedService.start(ServiceOptions.defaults(), null)) {
            String token = service.token().revealAsString();
            Path tokenFile = secrets.resolve("token");
            Files.writeString(tokenFile, token + "\n");
            String url = service.uri().toString();

            int exit = load("service-health", "service-vault", "--target-url", url, "--target-token-file",
                    tokenFile.toString(), "--duration", "1s", "--concurrency", "2");

            assertThat(exit).as(err.toString()).isZero();
            RunFolder run = new ResultsStore(results).list().get(0);
            long healthOk = 0;
            for (String id : List.of("service-health", "service-vault")) {
                LoadSummary s = LoadSummaryJson.read(Files.readString(run.loadDir(id).resolve("summary.json")));
                assertThat(s.totals().ok()).as(id).isPositive();
                assertThat(s.totals().failed()).as(id).isZero();
                if (id.equals("service-health")) {
                    healthOk = s.totals().ok();
                }
            }
            // The console names the target: the scenarios did not start a service of their own ...
            assertThat(Files.readString(run.consoleLog())).contains("service-health: GET /health")
                    .contains("against the Oktyv service at " + url).doesNotContain("in-process");
            // ... and the given service answered every measured request (plus none of another service's).
            assertThat(healthRequestsCounted(service, token)).isGreaterThanOrEqualTo(healthOk);
            // The token is in no file of the run folder (run.json, console.log, summaries, histogram logs).
            try (Stream<Path> files = Files.walk(run.path())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                            .doesNotContain(token);
                }
            }
            assertThat(out.toString() + err).doesNotContain(token);
            assertThat(Files.readString(run.runJson())).contains("--target-token-file");
        }
    }

    /** The 2xx count of GET /health in the service's own Prometheus metrics. */
    private static long healthRequestsCounted(EmbeddedService service, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.uri().resolve("/metrics"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        long count = 0;
        Matcher m = Pattern.compile("(?m)^\\S+_count\\{([^}]*)\\} (\\d+)").matcher(r.body());
        while (m.find()) {
            if (m.group(1).contains("GET /health") && m.group(1).contains("2xx")) {
                count += Long.parseLong(m.group(2));
            }
        }
        assertThat(count).as(r.body()).isPositive();
        return count;
    }

    /** Behind a gateway that serves the service under /oktyv and strips it, every request keeps the prefix. */
    @Test
    @Timeout(120)
    void serviceScenariosRunBehindAPathPrefix() throws Exception {
        try (EmbeddedService service = EmbeddedService.start(ServiceOptions.defaults(), null);
                PrefixProxy proxy = new PrefixProxy(service.uri(), "/oktyv")) {
            Path tokenFile = Files.writeString(secrets.resolve("token"), service.token().revealAsString());
            int exit = load("service-health", "service-db", "--target-url", proxy.url("/oktyv"),
                    "--target-token-file", tokenFile.toString(), "--duration", "1s", "--concurrency", "2",
                    "--threshold", "error_rate<1%");
            assertThat(exit).as(err.toString()).isZero();
            RunFolder run = new ResultsStore(results).list().get(0);
            for (String scenario : List.of("service-health", "service-db")) {
                LoadSummary s = LoadSummaryJson.read(Files.readString(run.loadDir(scenario).resolve("summary.json")));
                assertThat(s.totals().total()).as(scenario).isPositive();
                assertThat(s.totals().errorRate()).as(scenario).isZero();
            }
            // The proxy 404s anything outside /oktyv/, so a dropped prefix would have shown up as errors above.
            assertThat(proxy.forwarded()).isGreaterThan(100);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://127.0.0.1:1|must start with http:// or https://",
            "localhost:8080|must start with http:// or https://",
            "http://exa mple/|is not a URL",
            "http://127.0.0.1:1/?x=1|without query or fragment",
            "http://127.0.0.1:1/api#top|without query or fragment"})
    void malformedTargetUrlsAreUsageErrors(String url, String message) throws Exception {
        Path tokenFile = Files.writeString(secrets.resolve("token"), "t0k3n");
        assertThat(load("--target-url", url, "--target-token-file", tokenFile.toString(), "--duration", "1s"))
                .isEqualTo(2);
        assertThat(err.toString()).contains(message).doesNotContain("\tat ").doesNotContain("t0k3n");
        assertThat(new ResultsStore(results).list()).isEmpty();
    }

    @Test
    void tokenOptionsAreCheckedAndTheTokenIsNeverEchoed() throws Exception {
        String url = "http://127.0.0.1:1";
        assertThat(load("--target-url", url, "--target-token-file", secrets.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--target-token-file: cannot read").contains("missing");
        assertThat(load("--target-url", url)).isEqualTo(2);
        assertThat(err.toString()).contains("needs exactly one of --target-token-file FILE and --target-token-env VAR");
        assertThat(load("--target-url", url, "--target-token-env", "OKTYV_NO_SUCH_VARIABLE_FOR_TESTS")).isEqualTo(2);
        assertThat(err.toString()).contains("OKTYV_NO_SUCH_VARIABLE_FOR_TESTS is not set");
        Path tokenFile = Files.writeString(secrets.resolve("token"), "s3cr3t-part-one\ns3cr3t-part-two\n");
        assertThat(load("--target-url", url, "--target-token-file", tokenFile.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("must be one line").doesNotContain("s3cr3t");
        Path good = Files.writeString(secrets.resolve("good"), "s3cr3t");
        assertThat(load("--target-token-file", good.toString(), "service-health")).isEqualTo(2);
        assertThat(err.toString()).contains("need --target-url");
        assertThat(load("--target-url", "http://user:s3cr3t@127.0.0.1:1", "--target-token-file", good.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("must not contain user info").doesNotContain("s3cr3t");
        // Only the service-* scenarios have a target to redirect.
        assertThat(load("database", "--target-url", url, "--target-token-file", good.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--target-url applies to the service-* scenarios only")
                .doesNotContain("\tat ");
        assertThat(new ResultsStore(results).list()).isEmpty();
    }
}
