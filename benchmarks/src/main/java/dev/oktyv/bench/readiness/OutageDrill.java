package dev.oktyv.bench.readiness;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oktyv.bench.serve.EmbeddedService;
import dev.oktyv.probes.recovery.proxy.DownToxic;
import dev.oktyv.probes.recovery.proxy.FaultProxy;
import dev.oktyv.system.monitoring.alert.AlertEvent;
import dev.oktyv.system.monitoring.alert.AlertManager;
import dev.oktyv.system.monitoring.alert.AlertRule;
import dev.oktyv.system.monitoring.alert.AlertState;
import dev.oktyv.system.monitoring.alert.Comparison;
import dev.oktyv.system.monitoring.alert.ErrorRatio;
import dev.oktyv.system.time.ManualTime;
import dev.oktyv.system.time.Sleeper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The monitoring phase's fault drill: the service's database goes {@code down} behind the fault proxy and comes
 * back, while {@code /health} is watched and an error-ratio alert rule is evaluated over the service's own metrics.
 *
 * <p>Writes during the outage fail (503) and are the error burst; reads of a cached item keep succeeding. The rule
 * is evaluated once per round on its own {@link ManualTime} clock, one {@link #STEP} per round, as a Prometheus
 * server evaluates at a fixed interval: the rule's {@code for} and {@code keepFiringFor} are then exact counts of
 * rounds, not a race against this machine's speed. {@code /health} is watched in real time (it is a real outage).
 */
final class OutageDrill {

    /** The evaluation interval of the alert rule, on its clock. */
    static final Duration STEP = Duration.ofSeconds(5);
    static final String RULE_NAME = "service-error-ratio";

    /** A new rule per run: its {@link ErrorRatio} keeps the history of the evaluations it has seen. */
    static AlertRule rule() {
        return new AlertRule(RULE_NAME, new ErrorRatio(MonitoringPhase.REQUEST_METRIC, "status", Set.of("5xx"),
                Duration.ofSeconds(30)), Comparison.GREATER_THAN, 0.05, Duration.ofSeconds(10), Duration.ofSeconds(15));
    }
    static final int HEALTHY_ROUNDS = 3;
    static final int BURST_ROUNDS = 4;
    /** Enough rounds for the burst to leave the 30 s window and for keepFiringFor to pass, with room to spare. */
    static final int MAX_RECOVERY_ROUNDS = 12;
    static final int READS_PER_ROUND = 5;
    static final int WRITES_PER_ROUND = 5;
    /** How long /health may take to notice the outage, or the return (its report is reused for a second). */
    static final Duration HEALTH_DEADLINE = Duration.ofSeconds(15);
    static final Duration HEALTH_POLL = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    record Result(String healthDuring, String healthAfter, int fired, int resolved) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Sleeper sleeper;

    OutageDrill(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    Result run(EmbeddedService service, FaultProxy proxy, PrintStream console) throws IOException, InterruptedException {
        URI base = service.uri();
        String bearer = "Bearer " + service.token().revealAsString();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/db/items")).timeout(TIMEOUT)
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"monitoring\", \"data\": \"drill\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /db/items answered " + created.statusCode() + " before the outage");
        }
        URI item = base.resolve(created.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("POST /db/items answered 201 without a Location")));

        ManualTime ruleTime = new ManualTime();
        Instant start = ruleTime.now();
        AlertManager alerts = new AlertManager(service.metrics(), ruleTime.clock());
        AlertRule rule = rule();
        alerts.addRule(rule);
        List<AlertEvent> events = new ArrayList<>();
        alerts.addListener(events::add);
        Map<String, Integer> beforeStatuses = new TreeMap<>();
        Map<String, Integer> burstStatuses = new TreeMap<>();
        Map<String, Integer> afterStatuses = new TreeMap<>();
        Rounds rounds = () -> {
            alerts.evaluate();
            ruleTime.advance(STEP);
        };

        for (int i = 0; i < HEALTHY_ROUNDS; i++) {
            reads(item, bearer, beforeStatuses);
            rounds.next();
        }
        console.printf(Locale.ROOT, "  before the outage: %d rounds of %d reads: %s%n", HEALTHY_ROUNDS,
                READS_PER_ROUND, beforeStatuses);
        DownToxic down = new DownToxic();
        proxy.add(down);
        String during;
        try {
            during = awaitHealth(base, false, console, "database down (fault proxy 'down' toxic)");
            for (int i = 0; i < BURST_ROUNDS; i++) {
                reads(item, bearer, burstStatuses);
                writes(base, bearer, burstStatuses);
                rounds.next();
            }
        } finally {
            proxy.remove(down);
        }
        console.printf(Locale.ROOT, "  error burst: %d rounds of %d writes and %d reads during the outage: %s%n",
                BURST_ROUNDS, WRITES_PER_ROUND, READS_PER_ROUND, burstStatuses);
        String after = awaitHealth(base, true, console, "database back");
        int recoveryRounds = 0;
        while (recoveryRounds < MAX_RECOVERY_ROUNDS && alerts.state(rule.name()) != AlertState.INACTIVE) {
            reads(item, bearer, afterStatuses);
            rounds.next();
            recoveryRounds++;
        }
        console.printf(Locale.ROOT, "  after the outage: %d rounds of %d reads: %s%n", recoveryRounds,
                READS_PER_ROUND, afterStatuses);
        console.printf(Locale.ROOT, "  alert %s: %s > %s for %ss, keepFiringFor %ss, evaluated every %ss%n",
                rule.name(), "error ratio (5xx share, 30s window)", rule.threshold(), rule.forDuration().toSeconds(),
                rule.keepFiringFor().toSeconds(), STEP.toSeconds());
        for (AlertEvent e : events) {
            console.printf(Locale.ROOT, "  %s alert %s %s at +%ds (error ratio %.2f)%n",
                    e.type() == AlertEvent.Type.FIRED ? "🔔" : "✅", e.rule(), e.type(),
                    Duration.between(start, e.at()).toSeconds(), e.value());
        }
        if (events.isEmpty()) {
            console.printf(Locale.ROOT, "  ❌ alert %s never fired under the error burst%n", rule.name());
        }
        int fired = (int) events.stream().filter(e -> e.type() == AlertEvent.Type.FIRED).count();
        return new Result(during, after, fired, events.size() - fired);
    }

    @FunctionalInterface
    private interface Rounds {
        void next();
    }

    /** Polls /health until it is UP ({@code up}) or not UP, within {@link #HEALTH_DEADLINE}; returns the last status. */
    private String awaitHealth(URI base, boolean up, PrintStream console, String what)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + HEALTH_DEADLINE.toNanos();
        JsonObject h;
        String status;
        int polls = 0;
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            polls++;
            h = JsonParser.parseString(r.body()).getAsJsonObject();
            status = h.get("status").getAsString();
            if ("UP".equals(status) == up || System.nanoTime() >= deadline) {
                break;
            }
            sleeper.sleep(HEALTH_POLL);
        }
        StringBuilder checks = new StringBuilder();
        h.getAsJsonArray("checks").forEach(c -> checks.append(checks.length() == 0 ? "" : ", ")
                .append(c.getAsJsonObject().get("name").getAsString()).append(' ')
                .append(c.getAsJsonObject().get("status").getAsString()));
        boolean reached = "UP".equals(status) == up;
        console.printf(Locale.ROOT, "  %s %s: /health %s %s %d ms (%d polls); %s%n", reached ? "✅" : "❌", what,
                status, reached ? "after" : "still, after", (System.nanoTime() - t0) / 1_000_000, polls, checks);
        return status;
    }

    private void reads(URI item, String bearer, Map<String, Integer> statuses) {
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
        for (int i = 0; i < READS_PER_ROUND; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(item).timeout(TIMEOUT).header("Authorization", bearer)
                    .GET().build(), HttpResponse.BodyHandlers.discarding()));
        }
        collect(calls, "GET", statuses);
    }

    private void writes(URI base, String bearer, Map<String, Integer> statuses) {
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
        for (int i = 0; i < WRITES_PER_ROUND; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("/db/items")).timeout(TIMEOUT)
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"burst\", \"data\": \"x\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        collect(calls, "POST", statuses);
    }

    private static void collect(List<CompletableFuture<HttpResponse<Void>>> calls, String method,
                                Map<String, Integer> statuses) {
        for (CompletableFuture<HttpResponse<Void>> c : calls) {
            statuses.merge(method + " " + c.join().statusCode(), 1, Integer::sum);
        }
    }
}
