package dev.oktyv.bench.readiness;

import dev.oktyv.probes.remote.TargetUrl;
import dev.oktyv.results.readiness.PhaseFigures;
import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Phase 4 against the user's service ({@code readiness --target-url}): scrape {@code /metrics}, send a known number
 * of authenticated {@code PUT /vault/…}, scrape again, and compare the growth of the route's request count, per
 * status class, with what was sent. The service is shared, so more counted than sent is other traffic ("counts not
 * exact"), never a pass; fewer is an undercount and fails. Then {@code /health}. The outage drill and its alert are
 * not applicable: they cut the database connection through the fault proxy between the embedded service and its
 * database, and the user's service has no such proxy in front of its dependencies.
 */
final class RemoteMonitoring {

    /** The Oktyv service's metrics label of the route the phase drives (its {@code Route.label()}). */
    static final String ROUTE = "PUT /vault/{vault}/{key}";
    static final String DRILL_NOT_APPLICABLE = "the outage drill takes the database down through the fault proxy"
            + " between the embedded service and its database, and a service at --target-url has its own database,"
            + " not behind that proxy";

    private final int requests;

    RemoteMonitoring(int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("monitoring requests must be >= 1, was " + requests);
        }
        this.requests = requests;
    }

    PhaseFigures.Monitoring run(TargetUrl target, Secret token, PrintStream console)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(MonitoringPhase.TIMEOUT).build();
        String bearer = "Bearer " + token.revealAsString();
        Map<String, Double> before = countsByClass(http, target.resolve("/metrics"), bearer);
        Map<String, Integer> sentByClass = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            HttpRequest put = HttpRequest.newBuilder(target.resolve("/vault/readiness-monitoring/key-" + (i % 10)))
                    .timeout(MonitoringPhase.TIMEOUT).header("Authorization", bearer)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": \"v" + i + "\"}")).build();
            int status = http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
            sentByClass.merge(status / 100 + "xx", 1, Integer::sum);
        }
        Map<String, Double> after = countsByClass(http, target.resolve("/metrics"), bearer);
        Growth g = growth(before, after, sentByClass);
        console.printf(Locale.ROOT, "  sent %d x %s: %s; /metrics grew by %s between the two scrapes%n", requests,
                ROUTE, sentByClass, MonitoringPhase.total(g.counted()));
        for (Map.Entry<String, Integer> e : sentByClass.entrySet()) {
            console.printf(Locale.ROOT, "  status %s: sent %d, counted %s%n", e.getKey(), e.getValue(),
                    MonitoringPhase.total(after.getOrDefault(e.getKey(), Double.NaN)
                            - before.getOrDefault(e.getKey(), 0.0)));
        }
        if (g.otherTraffic()) {
            console.println("  counts not exact: other traffic seen (the service counted more than was sent)");
        }
        int[] health = MonitoringPhase.health(http, target.resolve("/health"), console);
        console.println("  outage drill and alert: not applicable, because " + DRILL_NOT_APPLICABLE);
        return new PhaseFigures.Monitoring(health[0], health[1], requests, g.counted(),
                PhaseFigures.Monitoring.NOT_MEASURED, PhaseFigures.Monitoring.NOT_MEASURED, 0, 0, g.otherTraffic(),
                Optional.of(DRILL_NOT_APPLICABLE));
    }

    /** @param counted what the service counted for the sent requests; NaN when it has no sample for the route */
    record Growth(double counted, boolean otherTraffic) {
    }

    /**
     * Per status class: a class that grew less than was sent there is an undercount, and the figure shows it
     * (each class contributes at most what was sent in it, so an excess elsewhere cannot hide it). Otherwise
     * the whole growth of the route, with more than was sent marked as other traffic.
     */
    static Growth growth(Map<String, Double> before, Map<String, Double> after, Map<String, Integer> sentByClass) {
        if (after.isEmpty()) {
            return new Growth(Double.NaN, false);
        }
        double total = 0;
        double capped = 0;
        boolean undercount = false;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            total += e.getValue() - before.getOrDefault(e.getKey(), 0.0);
        }
        long sent = 0;
        for (Map.Entry<String, Integer> e : sentByClass.entrySet()) {
            double grew = after.getOrDefault(e.getKey(), 0.0) - before.getOrDefault(e.getKey(), 0.0);
            capped += Math.min(grew, e.getValue());
            undercount |= grew < e.getValue();
            sent += e.getValue();
        }
        if (undercount) {
            return new Growth(capped, false);
        }
        return new Growth(total, total > sent);
    }

    /** The route's request count per status class ({@code 2xx} …) in one scrape. */
    private static Map<String, Double> countsByClass(HttpClient http, URI metrics, String bearer)
            throws IOException, InterruptedException {
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(metrics).timeout(MonitoringPhase.TIMEOUT)
                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (scrape.statusCode() != 200) {
            throw new IllegalStateException("GET " + metrics + " answered " + scrape.statusCode());
        }
        Map<String, Double> out = new TreeMap<>();
        for (PrometheusText.Sample s : PrometheusText.parse(scrape.body()).samples()) {
            if (s.name().equals(MonitoringPhase.REQUEST_METRIC + "_count") && ROUTE.equals(s.labels().get("route"))
                    && s.labels().get("status") != null) {
                out.merge(s.labels().get("status"), s.value(), Double::sum);
            }
        }
        return out;
    }
}
