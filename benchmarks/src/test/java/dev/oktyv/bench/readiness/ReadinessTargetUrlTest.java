package dev.oktyv.bench.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.oktyv.bench.cli.Cli;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.serve.EmbeddedService;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.system.service.ServiceOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code readiness --target-url}: the load and monitoring phases against a service running on loopback (the real
 * one, started in process as {@code serve} would), and against weakened fakes whose {@code /metrics} miscounts.
 */
class ReadinessTargetUrlTest {

    private static final String TOKEN = "readiness-target-t0ken";

    @TempDir
    Path results;
    @TempDir
    Path secrets;

    @Test
    @Timeout(240)
    void loadAndMonitoringAddressTheRunningServiceAndTheDrillIsNotApplicable() throws IOException {
        try (EmbeddedService service = EmbeddedService.start(ServiceOptions.defaults(), null)) {
            Path tokenFile = Files.writeString(secrets.resolve("token"), service.token().revealAsString() + "\n");
            Cli.Result r = Cli.run("readiness", "--quick", "--phases", "load,monitoring", "--target-url",
                    service.uri().toString(), "--target-token-file", tokenFile.toString(),
                    "--results-dir", results.toString());

            RunFolder folder = onlyRun();
            String console = Files.readString(folder.consoleLog(), StandardCharsets.UTF_8);
            // The load verdict depends on this machine's load (timings); the exit code agrees with it.
            String load = phase(folder, 0).get("status").getAsString();
            assertThat(load).as(console).isIn("ready", "not-ready");
            assertThat(r.exit()).as(console + r.err()).isEqualTo(load.equals("ready") ? ExitCodes.OK
                    : ExitCodes.CHECK_FAILED);
            // The service-* scenarios ran against it; the in-process ones did not run and say why.
            for (String s : new String[] {"service-vault", "service-db", "service-files", "service-email",
                    "service-health"}) {
                assertThat(folder.loadDir(s)).as(s).isDirectory();
            }
            assertThat(folder.loadDir("vault")).doesNotExist();
            // The stress steps stepped service-health (read-only) up; the verdict file carries the steps and knee.
            JsonObject stress = phase(folder, 0).getAsJsonObject("stress");
            assertThat(stress.get("scenario").getAsString()).isEqualTo("service-health");
            assertThat(stress.getAsJsonArray("steps")).hasSize(LoadStress.QUICK.levels().size());
            assertThat(stress.has("knee")).isTrue();
            assertThat(folder.load("service-health.stress").stress()).isRegularFile();
            assertThat(phase(folder, 0).getAsJsonArray("criteria").get(1).getAsJsonObject().get("measured")
                    .getAsString()).endsWith(" at service-health step-04-200, 200 workers");
            assertThat(console).contains("not applicable, because they drive the engines inside this JVM")
                    .contains("outage drill and alert: not applicable, because")
                    .doesNotContain(service.token().revealAsString());
            JsonObject monitoring = phase(folder, 3);
            assertThat(monitoring.get("status").getAsString()).isEqualTo("ready");
            JsonArray criteria = monitoring.getAsJsonArray("criteria");
            // Nothing else talks to this service: the count is exact, and judged.
            assertThat(criteria.get(1).getAsJsonObject().get("met").getAsBoolean()).isTrue();
            for (int i : new int[] {2, 3}) {
                JsonObject c = criteria.get(i).getAsJsonObject();
                assertThat(c.get("met").getAsBoolean()).isFalse(); // never reported as passed
                assertThat(c.get("notApplicable").getAsString()).contains("fault proxy");
            }
            assertThat(Files.readString(folder.readinessJson())).doesNotContain(service.token().revealAsString());
        }
    }

    @Test
    @Timeout(60)
    void aServiceWhoseMetricsUndercountTurnsMonitoringNotReady() throws IOException {
        try (FakeService fake = new FakeService(-1)) {
            Cli.Result r = fake.readiness();
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CHECK_FAILED);
            JsonObject monitoring = phase(onlyRun(), 3);
            assertThat(monitoring.get("status").getAsString()).isEqualTo("not-ready");
            JsonObject counts = monitoring.getAsJsonArray("criteria").get(1).getAsJsonObject();
            assertThat(counts.get("met").getAsBoolean()).isFalse();
            assertThat(counts.get("notApplicable").isJsonNull()).isTrue();
            assertThat(counts.get("measured").getAsString()).isEqualTo("49 counted of 50 sent");
        }
    }

    @Test
    @Timeout(60)
    void otherTrafficMakesTheCountNotExactNeitherPassedNorFailed() throws IOException {
        try (FakeService fake = new FakeService(+3)) {
            Cli.Result r = fake.readiness();
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK); // the health checks were judged and met
            JsonObject counts = phase(onlyRun(), 3).getAsJsonArray("criteria").get(1).getAsJsonObject();
            assertThat(counts.get("met").getAsBoolean()).isFalse();
            assertThat(counts.get("notApplicable").getAsString()).startsWith("counts not exact: other traffic seen")
                    .contains("53 counted of 50 sent");
            assertThat(Files.readString(onlyRun().consoleLog(), StandardCharsets.UTF_8))
                    .contains("➖ /metrics counts every request sent: not applicable, because counts not exact");
        }
    }

    private JsonObject phase(RunFolder folder, int index) throws IOException {
        return JsonParser.parseString(Files.readString(folder.readinessJson(), StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonArray("phases").get(index).getAsJsonObject();
    }

    private RunFolder onlyRun() throws IOException {
        var runs = new ResultsStore(results).list();
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    /**
     * A stand-in for a user's service: answers every PUT 200, one UP health check, and a {@code /metrics} that
     * counts the PUTs it answered plus {@code skew} (-1: it loses one; +3: someone else's three requests).
     */
    private final class FakeService implements AutoCloseable {
        private final HttpServer server;
        private final AtomicLong puts = new AtomicLong();

        FakeService(int skew) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", ex -> {
                String path = ex.getRequestURI().getPath();
                if (ex.getRequestMethod().equals("PUT") && path.startsWith("/vault/")) {
                    ex.getRequestBody().readAllBytes();
                    puts.incrementAndGet();
                    answer(ex, 200, "{}");
                } else if (path.equals("/metrics")) {
                    // The first scrape sees nothing; the skew shows up by the second.
                    long n = puts.get() == 0 ? 0 : puts.get() + skew;
                    answer(ex, 200, "# TYPE oktyv_http_request_duration_seconds summary\n"
                            + "oktyv_http_request_duration_seconds_count{route=\"PUT /vault/{vault}/{key}\","
                            + "status=\"2xx\"} " + n + "\n");
                } else if (path.equals("/health")) {
                    answer(ex, 200, "{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}");
                } else {
                    answer(ex, 404, "{}");
                }
            });
            server.start();
        }

        Cli.Result readiness() throws IOException {
            Path tokenFile = Files.writeString(secrets.resolve("token"), TOKEN);
            return Cli.run("readiness", "--phases", "monitoring", "--target-url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/", "--target-token-file",
                    tokenFile.toString(), "--results-dir", results.toString());
        }

        private void answer(HttpExchange ex, int status, String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
