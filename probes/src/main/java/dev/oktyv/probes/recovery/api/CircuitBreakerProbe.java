package dev.oktyv.probes.recovery.api;

import dev.oktyv.probes.recovery.Judgement;
import dev.oktyv.probes.recovery.http.Reply;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.BreakerSettings;
import dev.oktyv.system.api.BreakerState;
import dev.oktyv.system.api.BreakerTransition;
import dev.oktyv.system.api.CircuitOpenException;
import dev.oktyv.system.api.RetryPolicy;
import dev.oktyv.system.time.ManualTime;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Drives a host's failure rate over the threshold and watches the breaker's own {@code BreakerTransition}s:
 * CLOSED → OPEN, rejections in under 1 ms while OPEN (and none reaching the server), HALF_OPEN after the open
 * wait on the injected clock, CLOSED after successes, OPEN again after a failed trial.
 */
public final class CircuitBreakerProbe extends ApiRecoveryProbe {

    static final BreakerSettings SETTINGS = new BreakerSettings(10, 4, 50f, Duration.ofSeconds(30), 2);
    private static final int REJECTIONS = 21;

    @Override
    public String id() {
        return "circuit-breaker";
    }

    @Override
    public String title() {
        return "Circuit Breaker";
    }

    @Override
    ProbeOutcome attack(ApiTarget target) throws Exception {
        Judgement j = new Judgement();
        ManualTime time = new ManualTime();
        List<BreakerTransition> seen = new ArrayList<>();
        try (ApiFixture f = new ApiFixture()) {
            ApiEngine api = target.open(f.config(time).retryPolicy(RetryPolicy.NONE).breaker(SETTINGS).build());
            api.breakers().addListener(t -> {
                synchronized (seen) {
                    seen.add(t);
                }
            });
            URI uri = f.server.uri("/svc");
            f.server.script("/svc", Reply.of(500));
            callsUntilRejected(api, uri, SETTINGS.minimumCalls());
            if (!j.require(has(seen, BreakerState.CLOSED, BreakerState.OPEN), "BreakerListener",
                    "after " + SETTINGS.minimumCalls() + " failures (threshold " + SETTINGS.failureRatePercent()
                            + "%): transitions " + describe(seen) + " (expected CLOSED→OPEN)")) {
                return j.outcome(this, fault(), "", Double.NaN, OptionalInt.empty());
            }
            int reachedServer = f.server.received("GET", "/svc");
            long[] rejectNanos = new long[REJECTIONS];
            int rejected = 0;
            for (int i = 0; i < REJECTIONS; i++) {
                long start = System.nanoTime();
                try {
                    api.send(ApiRequest.get(uri));
                } catch (CircuitOpenException e) {
                    rejected++;
                }
                rejectNanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(rejectNanos);
            double medianMillis = rejectNanos[REJECTIONS / 2] / 1e6;
            j.require(rejected == REJECTIONS && f.server.received("GET", "/svc") == reachedServer, "CircuitOpenException",
                    rejected + " of " + REJECTIONS + " calls rejected while OPEN, "
                            + (f.server.received("GET", "/svc") - reachedServer) + " reached the server");
            j.require(medianMillis < 1.0, "probe-clock", String.format(java.util.Locale.ROOT,
                    "rejection took %.3f ms (median), %.3f ms (max); limit 1 ms", medianMillis,
                    rejectNanos[REJECTIONS - 1] / 1e6));

            // Resilience4j leaves OPEN only once the clock is strictly after the wait's end.
            time.advance(SETTINGS.openWait().plusMillis(1));
            f.server.script("/svc", Reply.of(200));
            callsUntilRejected(api, uri, SETTINGS.halfOpenCalls());
            j.require(has(seen, BreakerState.OPEN, BreakerState.HALF_OPEN), "BreakerListener",
                    "after the " + SETTINGS.openWait().toSeconds() + " s open wait: " + describe(seen)
                            + " (expected OPEN→HALF_OPEN)");
            j.require(has(seen, BreakerState.HALF_OPEN, BreakerState.CLOSED), "BreakerListener",
                    SETTINGS.halfOpenCalls() + " successful trial calls: " + describe(seen) + " (expected HALF_OPEN→CLOSED)");
            double recoveryMillis = between(seen, BreakerState.OPEN, BreakerState.CLOSED);

            f.server.script("/svc", Reply.of(500));
            callsUntilRejected(api, uri, SETTINGS.minimumCalls());
            time.advance(SETTINGS.openWait().plusMillis(1));
            int before = count(seen, BreakerState.HALF_OPEN, BreakerState.OPEN);
            callsUntilRejected(api, uri, SETTINGS.halfOpenCalls());
            j.require(count(seen, BreakerState.HALF_OPEN, BreakerState.OPEN) == before + 1, "BreakerListener",
                    "failed trial calls: " + describe(seen) + " (expected HALF_OPEN→OPEN)");
            return j.outcome(this, fault(), "CLOSED→OPEN→HALF_OPEN→CLOSED, rejections in "
                    + String.format(java.util.Locale.ROOT, "%.3f ms", medianMillis) + ", failed trial reopens",
                    recoveryMillis, OptionalInt.empty());
        }
    }

    private static String fault() {
        return "HTTPS API answers 500 until the breaker opens, then 200; clock moved past the "
                + SETTINGS.openWait().toSeconds() + " s open wait";
    }

    /** Up to {@code calls} calls, stopping at the first rejection (the breaker has opened). */
    private static void callsUntilRejected(ApiEngine api, URI uri, int calls) throws Exception {
        for (int i = 0; i < calls; i++) {
            try {
                api.send(ApiRequest.get(uri));
            } catch (CircuitOpenException e) {
                return;
            }
        }
    }

    private static boolean has(List<BreakerTransition> seen, BreakerState from, BreakerState to) {
        return count(seen, from, to) > 0;
    }

    private static int count(List<BreakerTransition> seen, BreakerState from, BreakerState to) {
        synchronized (seen) {
            return (int) seen.stream().filter(t -> t.from() == from && t.to() == to).count();
        }
    }

    /** From the first transition into {@code from} to the first into {@code to} after it, on the breaker's clock. */
    private static double between(List<BreakerTransition> seen, BreakerState from, BreakerState to) {
        synchronized (seen) {
            var opened = seen.stream().filter(t -> t.to() == from).findFirst();
            var closed = seen.stream().filter(t -> t.to() == to && opened.isPresent()
                    && !t.at().isBefore(opened.get().at())).findFirst();
            return opened.isPresent() && closed.isPresent()
                    ? Duration.between(opened.get().at(), closed.get().at()).toNanos() / 1e6 : Double.NaN;
        }
    }

    private static String describe(List<BreakerTransition> seen) {
        synchronized (seen) {
            return seen.isEmpty() ? "none" : String.join(", ",
                    seen.stream().map(t -> t.from() + "→" + t.to()).toList());
        }
    }
}
