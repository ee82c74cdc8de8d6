package dev.oktyv.bench.readiness;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oktyv.bench.serve.EmbeddedService;
import dev.oktyv.bench.serve.ServiceDatabase;
import dev.oktyv.probes.recovery.database.DatabaseServer;
import dev.oktyv.probes.recovery.database.DatabaseServers;
import dev.oktyv.probes.recovery.database.H2TcpServers;
import dev.oktyv.probes.recovery.proxy.FaultProxy;
import dev.oktyv.results.readiness.PhaseFigures;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Route;
import dev.oktyv.system.service.ServiceOptions;
import dev.oktyv.system.service.adapters.ItemStoreOptions;
import dev.oktyv.system.time.Sleeper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Phase 4: starts the embedded service on loopback, its database an H2 TCP server behind the recovery phase's
 * fault proxy, with item reads served stale through an outage. Sends a known number of authenticated requests,
 * scrapes {@code /metrics} and checks that the request counter and the latency count of that route equal what was
 * sent, exactly; reads {@code /health} and counts the checks that are UP. The service records a request before it
 * answers, so a scrape after the last answer must see every request: any difference is a monitoring defect. Then
 * the {@link OutageDrill}: database down, /health must turn DEGRADED or DOWN and come back UP, and an error-ratio
 * alert must fire under the failed writes and resolve after them.
 */
public final class MonitoringPhase {

    /** The service's request-latency summary (its {@code RequestMetrics.METRIC}, package-private there). */
    static final String REQUEST_METRIC = "oktyv_http_request_duration_seconds";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The service's pool wait: with the database down, a write fails (503) after this, so the burst is quick. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(500);

    private final int requests;
    private final List<HealthCheckProvider> extraChecks;

    public MonitoringPhase(int requests) {
        this(requests, List.of());
    }

    /** With the user's health checks registered in the service beside its own (they count like the built-ins). */
    public MonitoringPhase(int requests, List<HealthCheckProvider> extraChecks) {
        this.extraChecks = List.copyOf(extraChecks);
        if (requests < 1) {
            throw new IllegalArgumentException("monitoring requests must be >= 1, was " + requests);
        }
        this.requests = requests;
    }

    public PhaseFigures.Monitoring run(PrintStream console) throws Exception {
        try (DatabaseServers.Handle h2 = new H2TcpServers(Optional.empty()).start()) {
            DatabaseServer server = h2.servers().get(0);
            try (FaultProxy proxy = FaultProxy.start(server.address());
                 EmbeddedService service = EmbeddedService.startWith(ServiceOptions.defaults(),
                         ServiceDatabase.of(server.urlThroughProxy(proxy.port()))
                                 .withConnectionTimeout(CONNECTION_TIMEOUT)
                                 .withItems(ItemStoreOptions.servingStaleReads()), extraChecks)) {
                PhaseFigures.Monitoring counts = measure(service, console);
                OutageDrill.Result drill = new OutageDrill(Sleeper.SYSTEM).run(service, proxy, console);
                return new PhaseFigures.Monitoring(counts.healthChecks(), counts.healthChecksPassing(),
                        counts.requestsSent(), counts.requestsCounted(), drill.healthDuring(), drill.healthAfter(),
                        drill.fired(), drill.resolved());
            }
        }
    }

    /** The counting half; the outage figures are "not measured" here ({@link #run} adds the drill's). */
    PhaseFigures.Monitoring measure(EmbeddedService service, PrintStream console)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        URI base = service.uri();
        String label = service.routes().stream()
                .filter(r -> r.method() == HttpMethod.PUT && r.path().equals("/vault/{vault}/{key}"))
                .map(Route::label).findFirst()
                .orElseThrow(() -> new IllegalStateException("the service has no PUT /vault/{vault}/{key} route"));
        String bearer = "Bearer " + service.token().revealAsString();
        Map<String, Integer> sentByClass = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            HttpRequest put = HttpRequest.newBuilder(base.resolve("/vault/readiness-monitoring/key-" + (i % 10)))
                    .timeout(TIMEOUT).header("Authorization", bearer).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": \"v" + i + "\"}")).build();
            int status = http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
            sentByClass.merge(status / 100 + "xx", 1, Integer::sum);
        }
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).timeout(TIMEOUT)
                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (scrape.statusCode() != 200) {
            throw new IllegalStateException("GET /metrics answered " + scrape.statusCode());
        }
        PrometheusText metrics = PrometheusText.parse(scrape.body());
        double total = metrics.sum(REQUEST_METRIC + "_count", l -> label.equals(l.get("route")));
        console.printf(Locale.ROOT, "  sent %d x %s: %s; /metrics counted %s in all%n", requests, label, sentByClass,
                total(total));
        // Counted per status class the client saw: a request counted under the wrong class is a wrong count.
        double counted = 0;
        for (Map.Entry<String, Integer> e : sentByClass.entrySet()) {
            double byClass = metrics.sum(REQUEST_METRIC + "_count",
                    l -> label.equals(l.get("route")) && e.getKey().equals(l.get("status")));
            console.printf(Locale.ROOT, "  status %s: sent %d, counted %s%n", e.getKey(), e.getValue(), total(byClass));
            counted += Double.isNaN(byClass) ? 0 : byClass;
        }
        if (Double.isNaN(total)) {
            counted = Double.NaN; // no sample for the route at all: not measured, not "0 counted"
        }
        int[] health = health(http, base.resolve("/health"), console);
        int checks = health[0];
        int up = health[1];
        return new PhaseFigures.Monitoring(checks, up, requests, counted, PhaseFigures.Monitoring.NOT_MEASURED,
                PhaseFigures.Monitoring.NOT_MEASURED, 0, 0);
    }

    /**
     * Reads {@code /health} (no token: load balancers call it without one), prints each check's status.
     *
     * @return the number of checks and how many are UP
     */
    static int[] health(HttpClient http, URI uri, PrintStream console) throws IOException, InterruptedException {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject h;
        try {
            h = JsonParser.parseString(health.body()).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalStateException("GET " + uri + " answered " + health.statusCode() + " without the"
                    + " service's JSON health report");
        }
        int checks = 0;
        int up = 0;
        for (JsonElement c : h.getAsJsonArray("checks")) {
            JsonObject check = c.getAsJsonObject();
            checks++;
            boolean ok = "UP".equals(check.get("status").getAsString());
            up += ok ? 1 : 0;
            console.printf(Locale.ROOT, "  %s health %-16s %s%n", ok ? "✅" : "❌", check.get("name").getAsString(),
                    check.get("status").getAsString());
        }
        console.printf(Locale.ROOT, "  /health: HTTP %d, %s, %d of %d checks UP%n", health.statusCode(),
                h.get("status").getAsString(), up, checks);
        return new int[] {checks, up};
    }

    static String total(double v) {
        return Double.isNaN(v) ? "nothing" : Long.toString((long) v);
    }
}
