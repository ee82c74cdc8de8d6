package dev.oktyv.probes.recovery.service;

import dev.oktyv.probes.recovery.Judgement;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.probes.recovery.CallerMessages;
import dev.oktyv.results.recovery.ProbeOutcome;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Against a running service ({@code --target-url}), whose engines the probe cannot break: {@code /health} must
 * answer within its deadline with a status, and the errors a caller provokes (no token, a malformed id, a missing
 * item) must come back as short, sanitised answers with the right status class, the degradation probe's rule for
 * what a caller may see. The recovery command targets --target-url, or else the service started in process.
 */
public final class ServiceErrorAnswersProbe implements RecoveryProbe {

    static final Duration DEADLINE = Duration.ofSeconds(2);

    @Override
    public String id() {
        return "service-error-answers";
    }

    @Override
    public String title() {
        return "Service Error Answers";
    }

    @Override
    public ProbeOutcome run(RecoveryTargets targets) throws Exception {
        var remote = targets.get(RemoteService.class);
        if (remote.isEmpty()) {
            return ProbeOutcome.notRun(id(), title(), "no service target (neither --target-url nor an embedded service)");
        }
        RemoteService s = remote.get();
        Judgement j = new Judgement();
        HttpClient client = HttpClient.newBuilder().connectTimeout(DEADLINE)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        long start = System.nanoTime();
        double healthMillis;
        try {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(s.resolve("/health")).timeout(DEADLINE)
                    .build(), HttpResponse.BodyHandlers.ofString());
            healthMillis = (System.nanoTime() - start) / 1e6;
            j.require((health.statusCode() == 200 || health.statusCode() == 503)
                            && health.body().contains("\"status\""), "service",
                    String.format(Locale.ROOT, "/health: HTTP %d in %.0f ms", health.statusCode(), healthMillis));
        } catch (HttpTimeoutException e) {
            healthMillis = Double.NaN;
            j.require(false, "service", "/health: no answer within " + DEADLINE.toMillis() + " ms");
        }
        check(j, client, HttpRequest.newBuilder(s.resolve("/db/items/1")).timeout(DEADLINE).build(), 401,
                "no token");
        check(j, client, authorised(s, "/db/items/not-a-number"), 400, "malformed id");
        check(j, client, authorised(s, "/db/items/9223372036854775807"), 404, "missing item");
        return j.outcome(this, "none injected: provoked error answers of a running service",
                "Health answered, every error short and sanitised", healthMillis, OptionalInt.empty());
    }

    private static HttpRequest authorised(RemoteService s, String path) {
        return HttpRequest.newBuilder(s.resolve(path)).timeout(DEADLINE)
                .header("Authorization", "Bearer " + s.token().revealAsString()).build();
    }

    private static void check(Judgement j, HttpClient client, HttpRequest request, int expected, String what)
            throws Exception {
        HttpResponse<String> r;
        try {
            r = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            j.require(false, "service", what + ": no answer within " + DEADLINE.toMillis() + " ms");
            return;
        }
        List<String> leaks = CallerMessages.leaks(r.body());
        j.require(r.statusCode() == expected && r.body().length() <= CallerMessages.MAX_CHARS * 2
                        && leaks.isEmpty(), "service", String.format(Locale.ROOT, "%s: HTTP %d (expected %d), %d chars%s",
                what, r.statusCode(), expected, r.body().length(), leaks.isEmpty() ? "" : ", leaks " + leaks));
    }
}
