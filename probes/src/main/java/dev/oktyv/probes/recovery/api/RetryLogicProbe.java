package dev.oktyv.probes.recovery.api;

import dev.oktyv.probes.recovery.Judgement;
import dev.oktyv.probes.recovery.http.Reply;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
import dev.oktyv.system.api.HttpMethod;
import dev.oktyv.system.api.RetryPolicy;
import dev.oktyv.system.time.ManualTime;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The HTTPS API answers 503, 503, 200: a GET must succeed after exactly 3 attempts with waits inside the configured
 * backoff's jitter bounds; a POST must not be retried; a {@code Retry-After} must be honoured, one beyond the
 * client's cap must end the call at once; the attempt cap must hold against a server that never recovers. Attempts come from {@code ApiResponse.attempts} and the server's
 * count, waits from the engine's calls to its injected {@code Sleeper} (a {@link ManualTime}, so nothing sleeps).
 */
public final class RetryLogicProbe extends ApiRecoveryProbe {

    static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(2), 0.5,
            Duration.ofSeconds(30));

    @Override
    public String id() {
        return "retry-logic";
    }

    @Override
    public String title() {
        return "Retry Logic";
    }

    @Override
    ProbeOutcome attack(ApiTarget target) throws Exception {
        Judgement j = new Judgement();
        ManualTime time = new ManualTime();
        try (ApiFixture f = new ApiFixture()) {
            ApiEngine api = target.open(f.config(time).retryPolicy(POLICY).build());

            f.server.script("/flaky", Reply.of(503), Reply.of(503), Reply.of(200));
            ApiResponse get = api.send(ApiRequest.get(f.server.uri("/flaky")));
            List<Duration> waits = time.sleeps();
            j.require(get.status() == 200 && get.attempts() == 3, "ApiResponse.attempts",
                    "GET after 503, 503, 200: status " + get.status() + " after " + get.attempts() + " attempts (expected 200 after 3)");
            j.require(f.server.received("GET", "/flaky") == 3, "server",
                    "server received " + f.server.received("GET", "/flaky") + " GETs (expected 3)");
            j.require(withinSchedule(waits), "Sleeper",
                    "engine waited " + waits + ", schedule " + bounds(2));
            double recoveryMillis = waits.stream().mapToLong(Duration::toNanos).sum() / 1e6;

            f.server.script("/order", Reply.of(503), Reply.of(200));
            ApiResponse post = api.send(ApiRequest.of(HttpMethod.POST, f.server.uri("/order"), new byte[] {1}));
            j.require(post.attempts() == 1 && f.server.received("POST", "/order") == 1, "ApiResponse.attempts",
                    "POST answered 503: " + post.attempts() + " attempt(s), server received "
                            + f.server.received("POST", "/order") + " (expected 1: POST is not idempotent)");

            int before = time.sleeps().size();
            f.server.script("/busy", Reply.retryAfter(503, Duration.ofSeconds(3)), Reply.of(200));
            ApiResponse busy = api.send(ApiRequest.get(f.server.uri("/busy")));
            List<Duration> busyWaits = time.sleeps().subList(before, time.sleeps().size());
            j.require(busy.status() == 200 && busyWaits.equals(List.of(Duration.ofSeconds(3))), "Sleeper",
                    "Retry-After: 3 answered with waits " + busyWaits + ", final status " + busy.status()
                            + " (expected one 3 s wait, then 200)");

            int beforeLong = time.sleeps().size();
            f.server.script("/later", Reply.retryAfter(503, POLICY.maxRetryAfter().plusSeconds(30)), Reply.of(200));
            // Its own rate-limit bucket: the client rightly holds the whole endpoint back for the server's 60 s.
            ApiResponse later = api.send(ApiRequest.get(f.server.uri("/later")).withEndpoint("retry-after-cap"));
            j.require(later.attempts() == 1 && time.sleeps().size() == beforeLong, "ApiResponse.attempts",
                    "Retry-After " + POLICY.maxRetryAfter().plusSeconds(30).toSeconds() + " s beyond the "
                            + POLICY.maxRetryAfter().toSeconds() + " s cap: " + later.attempts() + " attempt(s), "
                            + (time.sleeps().size() - beforeLong) + " wait(s) (expected the 503 returned at once)");

            f.server.script("/down", Reply.of(503));
            ApiResponse down = api.send(ApiRequest.get(f.server.uri("/down")));
            j.require(down.attempts() == POLICY.maxAttempts() && f.server.received("GET", "/down") == POLICY.maxAttempts(),
                    "ApiResponse.attempts", "server never recovers: gave up after " + down.attempts()
                            + " attempts, server received " + f.server.received("GET", "/down") + " (cap "
                            + POLICY.maxAttempts() + ")");
            return j.outcome(this, "HTTPS API answers 503, 503, 200; POST 503; Retry-After 3 and 60; 503 forever",
                    "Recovered after " + get.attempts() + " attempts", recoveryMillis, OptionalInt.of(get.attempts()));
        }
    }

    /** Each retry's wait lies in [base·(1−jitter), base], base = min(max, initial·2^(n−1)). */
    static boolean withinSchedule(List<Duration> waits) {
        if (waits.size() != 2) {
            return false;
        }
        for (int n = 1; n <= waits.size(); n++) {
            long wait = waits.get(n - 1).toNanos();
            if (wait < POLICY.backoff(n, 0).toNanos() || wait > POLICY.backoff(n, 1).toNanos()) {
                return false;
            }
        }
        return true;
    }

    private static String bounds(int retries) {
        StringBuilder b = new StringBuilder();
        for (int n = 1; n <= retries; n++) {
            b.append(n == 1 ? "" : ", ").append('[').append(POLICY.backoff(n, 0).toMillis()).append(" ms, ")
                    .append(POLICY.backoff(n, 1).toMillis()).append(" ms]");
        }
        return b.toString();
    }
}
