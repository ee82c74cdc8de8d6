package dev.oktyv.probes.security.service;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.security.Severity;
import java.util.ArrayList;
import java.util.List;

/** A browser page from an origin nobody listed gets no CORS permission: neither on a preflight nor on a GET. */
public final class CorsProbe extends ServiceProbe {

    static final String ORIGIN = "https://attacker.invalid";

    @Override
    public String id() {
        return "service.cors";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "A preflight from an unlisted origin gets no Access-Control-Allow-Origin";
    }

    @Override
    public String fix() {
        return "Answer CORS only for an explicit list of origins; never '*' or an echo of the request's Origin";
    }

    @Override
    ProbeOutcome attack(ServiceTarget service, RawHttp http) throws Exception {
        List<String> failures = new ArrayList<>();
        RawResponse preflight = http.send("OPTIONS", "/vault/oktyv-probe/cors", List.of("Origin: " + ORIGIN,
                "Access-Control-Request-Method: PUT", "Access-Control-Request-Headers: Authorization"), null);
        inspect(failures, "preflight OPTIONS /vault/oktyv-probe/cors", preflight);
        inspect(failures, "GET /health", http.get("/health", List.of("Origin: " + ORIGIN)));
        inspect(failures, "authenticated GET /metrics",
                http.get("/metrics", List.of("Origin: " + ORIGIN, bearer(service))));
        String action = "sent a CORS preflight and two GETs with Origin: " + ORIGIN;
        if (!failures.isEmpty()) {
            return ProbeOutcome.fail(action, failures);
        }
        return ProbeOutcome.pass(action, List.of("preflight: HTTP " + preflight.status()
                + ", no Access-Control-Allow-Origin on any of the three responses"));
    }

    private static void inspect(List<String> failures, String what, RawResponse r) {
        r.header("Access-Control-Allow-Origin").ifPresent(v ->
                failures.add(what + ": Access-Control-Allow-Origin: " + RawHttp.abbreviate(v)));
        r.header("Access-Control-Allow-Credentials").filter(v -> v.equalsIgnoreCase("true")).ifPresent(v ->
                failures.add(what + ": Access-Control-Allow-Credentials: true"));
    }
}
