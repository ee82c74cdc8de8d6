package dev.oktyv.probes.security.api;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A hostile or broken API cannot exhaust the client: a body far over the cap is refused (not read whole into
 * memory), and a body that trickles in is cut at the request timeout. Bounded: {@value #HUGE_BYTES} bytes and
 * {@link #TRICKLE} at most.
 */
public final class ResponseLimitsProbe extends ApiProbe {

    static final long CAP_BYTES = 1 << 20;
    static final int HUGE_BYTES = 64 << 20;
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final Duration TRICKLE = Duration.ofSeconds(6);
    /** Cut "at the timeout": within twice the timeout plus scheduling slack. */
    static final Duration CUT_WITHIN = TIMEOUT.multipliedBy(2).plusMillis(500);

    @Override
    public String id() {
        return "api.response-limits";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "A huge response body is refused at the cap and a trickling body is cut at the timeout";
    }

    @Override
    public String fix() {
        return "Read bodies through a size-capped handler and bound the whole exchange, body included, by the timeout";
    }

    @Override
    ProbeOutcome attack(ApiTarget api, SecurityTarget target) throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        ApiSettings settings = new ApiSettings(true, java.util.Optional.empty(), TIMEOUT,
                ApiSettings.loopback().rateLimit(), CAP_BYTES, ApiSettings.loopback().nanoClock(),
                ApiSettings.loopback().sleeper());
        ApiCaller client = api.client(settings);
        try (LocalServer huge = LocalServer.http(ex -> {
            ex.sendResponseHeaders(200, HUGE_BYTES);
            byte[] chunk = new byte[1 << 16];
            try (OutputStream out = ex.getResponseBody()) {
                for (int sent = 0; sent < HUGE_BYTES; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // The client hung up: what a capped client does.
            }
        })) {
            try {
                ApiResponse r = client.send(ApiRequest.get(huge.uri("/huge")));
                failures.add("a " + (HUGE_BYTES >> 20) + " MiB body with a " + (CAP_BYTES >> 20) + " MiB cap: read whole ("
                        + r.body().length + " bytes in memory, HTTP " + r.status() + ")");
            } catch (IOException e) {
                evidence.add("a " + (HUGE_BYTES >> 20) + " MiB body: refused (" + chain(e) + ")");
            }
        }
        try (LocalServer slow = LocalServer.http(ex -> {
            ex.sendResponseHeaders(200, 0);
            long end = System.nanoTime() + TRICKLE.toNanos();
            try (OutputStream out = ex.getResponseBody()) {
                while (System.nanoTime() < end) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // The client gave up: what a bounded client does.
            }
        })) {
            long t0 = System.nanoTime();
            String outcome;
            try {
                ApiResponse r = client.send(ApiRequest.get(slow.uri("/trickle")));
                outcome = "completed with HTTP " + r.status() + " and " + r.body().length + " bytes";
            } catch (IOException e) {
                outcome = "ended with " + chain(e);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String line = "a body trickling 10 bytes/s for " + TRICKLE.toSeconds() + " s with a "
                    + TIMEOUT.toMillis() + " ms timeout: " + outcome + " after " + ms + " ms";
            if (ms > CUT_WITHIN.toMillis()) {
                failures.add(line);
            } else {
                evidence.add(line);
            }
        }
        String action = "GET a " + (HUGE_BYTES >> 20) + " MiB body with a " + (CAP_BYTES >> 20) + " MiB cap; GET a"
                + " body that trickles for " + TRICKLE.toSeconds() + " s with a " + TIMEOUT.toMillis() + " ms timeout";
        return failures.isEmpty() ? ProbeOutcome.pass(action, evidence) : ProbeOutcome.fail(action, failures);
    }
}
