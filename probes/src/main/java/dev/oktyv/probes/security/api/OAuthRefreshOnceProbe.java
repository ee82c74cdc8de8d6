package dev.oktyv.probes.security.api;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.api.AccessTokenSource;
import dev.oktyv.system.api.oauth.OAuthToken;
import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@value #CALLERS} threads ask for a token that is about to expire, all at once: the token endpoint (a loopback
 * server) must see exactly one refresh, and every caller must get the new token. Refresh tokens are often single
 * use, so a second refresh can log the client out.
 */
public final class OAuthRefreshOnceProbe extends ApiProbe {

    static final int CALLERS = 50;
    static final String NEW_ACCESS = "oktyv-probe-new-access-token";

    @Override
    public String id() {
        return "api.oauth-refresh-once";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "A stale OAuth token is refreshed exactly once under " + CALLERS + " concurrent callers";
    }

    @Override
    public String fix() {
        return "Make the refresh single-flight: one caller refreshes, the others wait for its result";
    }

    @Override
    ProbeOutcome attack(ApiTarget api, SecurityTarget target) throws Exception {
        AtomicInteger refreshes = new AtomicInteger();
        CountDownLatch allAsked = new CountDownLatch(CALLERS);
        try (LocalServer endpoint = LocalServer.http(ex -> {
            String form;
            try (InputStream in = ex.getRequestBody()) {
                form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (form.contains("grant_type=refresh_token")) {
                refreshes.incrementAndGet();
            }
            try {
                // Hold the answer until every caller has asked (bounded), so the callers really overlap.
                allAsked.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"access_token\":\"" + NEW_ACCESS + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                    + "\"refresh_token\":\"oktyv-probe-refresh-2\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        })) {
            OAuthToken stale = new OAuthToken(Secret.of("oktyv-probe-old-access"),
                    Optional.of(Secret.of("oktyv-probe-refresh-1")), target.clock().instant().plusSeconds(10),
                    "Bearer", "");
            AccessTokenSource source = api.oauth(endpoint.uri("/token"), stale, ApiSettings.loopback(),
                    target.clock());
            ExecutorService pool = Executors.newFixedThreadPool(CALLERS, r -> {
                Thread t = new Thread(r, "oktyv-probe-oauth-caller");
                t.setDaemon(true);
                return t;
            });
            Set<String> tokens = ConcurrentHashMap.newKeySet();
            List<String> errors = new ArrayList<>();
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    calls.add(pool.submit(() -> {
                        go.await();
                        allAsked.countDown();
                        // The source owns the secret it hands out (the client does not destroy it either).
                        tokens.add(source.accessToken().revealAsString());
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : calls) {
                    try {
                        f.get(15, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        errors.add(chain(e.getCause()));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            String action = CALLERS + " threads asked at once for a token 10 s from expiry (refresh margin 300 s)";
            List<String> failures = new ArrayList<>();
            if (refreshes.get() != 1) {
                failures.add("the token endpoint saw " + refreshes.get() + " refresh requests, not 1");
            }
            if (!errors.isEmpty()) {
                failures.add(errors.size() + " callers failed, e.g. " + errors.get(0));
            }
            if (!tokens.equals(Set.of(NEW_ACCESS))) {
                failures.add("callers got " + tokens.size() + " distinct tokens"
                        + (tokens.contains(NEW_ACCESS) ? "" : ", none of them the refreshed one"));
            }
            return failures.isEmpty() ? ProbeOutcome.pass(action, List.of("1 refresh request; all " + CALLERS
                    + " callers got the refreshed token")) : ProbeOutcome.fail(action, failures);
        }
    }
}
