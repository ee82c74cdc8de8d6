package dev.oktyv.probes.security.api;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.RateLimit;
import dev.oktyv.system.time.ManualTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A burst of ten times the limit goes out no faster than the limit allows: with capacity C and refill R per second,
 * N requests need at least (N - C) / R seconds. The client runs on a manual clock, so the waits it would take
 * are measured without being waited for.
 */
public final class RateLimitProbe extends ApiProbe {

    static final RateLimit LIMIT = new RateLimit(5, 5.0);
    static final int BURST = 10 * LIMIT.capacity();
    /** The measured span may fall short of the ideal by this fraction (bucket rounding). */
    static final double TOLERANCE = 0.05;

    @Override
    public String id() {
        return "api.rate-limit";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public String title() {
        return "A burst of 10x the rate limit is paced to the limit";
    }

    @Override
    public String fix() {
        return "Take a rate-limit permit before every attempt, including retries";
    }

    @Override
    ProbeOutcome attack(ApiTarget api, SecurityTarget target) throws Exception {
        AtomicInteger received = new AtomicInteger();
        ManualTime time = new ManualTime();
        try (LocalServer server = LocalServer.http(ex -> {
            received.incrementAndGet();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        })) {
            ApiCaller client = api.client(ApiSettings.loopback().withRateLimit(LIMIT, time, time));
            long start = time.nanoTime();
            for (int i = 0; i < BURST; i++) {
                client.send(ApiRequest.get(server.uri("/items")));
            }
            double seconds = (time.nanoTime() - start) / 1e9;
            double minimum = (BURST - LIMIT.capacity()) / LIMIT.refillPerSecond();
            String action = String.format(Locale.ROOT, "sent %d requests back to back with a limit of %d burst +"
                    + " %.1f/s, on a manual clock", BURST, LIMIT.capacity(), LIMIT.refillPerSecond());
            String observed = String.format(Locale.ROOT, "%d requests arrived over %.2f s of client time; the limit"
                    + " allows no less than %.2f s (tolerance %.0f %%)", received.get(), seconds, minimum,
                    TOLERANCE * 100);
            if (received.get() != BURST) {
                return ProbeOutcome.notRun("only " + received.get() + " of " + BURST + " requests reached the server");
            }
            return seconds >= minimum * (1 - TOLERANCE) ? ProbeOutcome.pass(action, List.of(observed))
                    : ProbeOutcome.fail(action, List.of(observed));
        }
    }
}
