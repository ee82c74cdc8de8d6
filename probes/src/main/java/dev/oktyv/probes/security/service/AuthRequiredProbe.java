package dev.oktyv.probes.security.service;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.security.Severity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Every route but /health refuses a request without the token, with a wrong one, or with it in the query string. */
public final class AuthRequiredProbe extends ServiceProbe {

    /** One route per engine plus /metrics; GETs, so the probe changes nothing. */
    static final List<String> ROUTES = List.of("/vault/oktyv-probe/auth", "/db/items/1", "/files/oktyv-probe.txt",
            "/metrics");

    @Override
    public String id() {
        return "service.auth-required";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "Routes refuse requests without a valid bearer token, including a token in the query string";
    }

    @Override
    public String fix() {
        return "Check Authorization: Bearer on every route but /health and never accept a token from the URL";
    }

    @Override
    ProbeOutcome attack(ServiceTarget service, RawHttp http) throws Exception {
        RawResponse valid = http.get("/metrics", List.of(bearer(service)));
        if (valid.status() == 401) {
            return ProbeOutcome.notRun("the configured token is refused on /metrics (401); check the token file");
        }
        byte[] guess = new byte[32];
        new SecureRandom().nextBytes(guess);
        String wrong = "Authorization: Bearer " + Base64.getUrlEncoder().withoutPadding().encodeToString(guess);
        String query = "?access_token=" + URLEncoder.encode(service.token().revealAsString(), StandardCharsets.UTF_8);
        List<String> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String route : ROUTES) {
            check(failures, route, "no token", http.get(route, List.of()));
            check(failures, route, "wrong token", http.get(route, List.of(wrong)));
            check(failures, route, "token in the query string", http.get(route + query, List.of()));
        }
        String action = "GET " + String.join(", ", ROUTES) + " without a token, with a random one and with the valid"
                + " token as ?access_token=";
        if (!failures.isEmpty()) {
            return ProbeOutcome.fail(action, failures);
        }
        evidence.add(ROUTES.size() * 3 + " requests without a valid Authorization header: all 401");
        evidence.add("valid token on /metrics: " + valid.status());
        return ProbeOutcome.pass(action, evidence);
    }

    private static void check(List<String> failures, String route, String how, RawResponse r) {
        if (r.status() != 401) {
            failures.add(route + " with " + how + ": HTTP " + r.status() + " instead of 401");
        }
    }
}
