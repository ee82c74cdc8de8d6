package dev.oktyv.probes.security.service;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.security.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Errors are short JSON without a stack trace, SQL, an absolute path or the token; every response carries
 * {@code X-Content-Type-Options: nosniff} and the secret-bearing vault route {@code Cache-Control: no-store}.
 */
public final class ErrorSanitisationProbe extends ServiceProbe {

    static final int MAX_ERROR_BYTES = 1024;
    /** Things an error body must never show: a Java stack, an exception class, SQL, or a file-system path. */
    static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\("),
            Pattern.compile("[A-Za-z]+(Exception|Error)\\b"),
            Pattern.compile("\\b(SELECT|INSERT|UPDATE|DELETE)\\b.*\\b(FROM|INTO|SET|WHERE)\\b",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(SQLSTATE|org\\.h2|org\\.postgresql|jdbc:)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(^|[\\s\"'=:(])/(tmp|home|usr|var|etc|root|opt|work|private|Users)/"),
            Pattern.compile("[A-Za-z]:\\\\"));

    private record Attempt(String label, String method, String path, boolean auth, byte[] body) {
    }

    @Override
    public String id() {
        return "service.error-sanitisation";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public String title() {
        return "Errors are short JSON without stack traces, SQL, paths or secrets; nosniff and no-store are set";
    }

    @Override
    public String fix() {
        return "Map every failure to a fixed JSON error; log details server-side only; set nosniff and no-store";
    }

    @Override
    ProbeOutcome attack(ServiceTarget service, RawHttp http) throws Exception {
        String token = service.token().revealAsString();
        List<Attempt> attempts = List.of(
                new Attempt("malformed JSON", "POST", "/db/items", true, bytes("{\"name\": ")),
                new Attempt("malformed JSON", "PUT", "/vault/oktyv-probe/errors", true, bytes("{value:")),
                new Attempt("wrong type", "POST", "/db/items", true, bytes("[1, 2, 3]")),
                new Attempt("wrong method", "PATCH", "/vault/oktyv-probe/errors", true, bytes("{}")),
                new Attempt("wrong method", "DELETE", "/metrics", true, null),
                new Attempt("unknown route", "GET", "/admin/../../etc/passwd", true, null),
                new Attempt("unknown route", "GET", "/no-such-route", false, null),
                new Attempt("missing item", "GET", "/db/items/not-a-number'--", true, null),
                new Attempt("missing file", "GET", "/files/no/such/file.txt", true, null));
        List<String> failures = new ArrayList<>();
        for (Attempt a : attempts) {
            List<String> headers = new ArrayList<>();
            if (a.auth()) {
                headers.add(bearer(service));
            }
            if (a.body() != null) {
                headers.add("Content-Type: application/json");
            }
            RawResponse r = http.send(a.method(), a.path(), headers, a.body());
            String what = a.label() + " (" + a.method() + " " + a.path() + ")";
            inspect(failures, what, r, token);
        }
        // The vault answers a secret: the one route whose response must never sit in a cache.
        http.send("PUT", "/vault/oktyv-probe/errors", List.of(bearer(service), "Content-Type: application/json"),
                bytes("{\"value\": \"oktyv-probe-value\"}"));
        RawResponse secret = http.get("/vault/oktyv-probe/errors", List.of(bearer(service)));
        if (!secret.header("Cache-Control").map(v -> v.toLowerCase(Locale.ROOT).contains("no-store")).orElse(false)) {
            failures.add("GET /vault/oktyv-probe/errors (HTTP " + secret.status() + "): no Cache-Control: no-store");
        }
        http.send("DELETE", "/vault/oktyv-probe/errors", List.of(bearer(service)), null);
        String action = attempts.size() + " bad requests (malformed JSON, wrong methods, unknown routes, missing"
                + " items) and one vault read";
        if (!failures.isEmpty()) {
            return ProbeOutcome.fail(action, failures);
        }
        return ProbeOutcome.pass(action, List.of(attempts.size() + " error responses: 4xx JSON under "
                + MAX_ERROR_BYTES + " bytes, no stack, SQL, path or token, nosniff set",
                "vault read: Cache-Control " + secret.header("Cache-Control").orElse("")));
    }

    private static void inspect(List<String> failures, String what, RawResponse r, String token) {
        String body = r.bodyText();
        if (r.status() / 100 != 4) {
            failures.add(what + ": HTTP " + r.status() + " instead of a 4xx client error");
        }
        if (!r.header("Content-Type").map(v -> v.contains("json")).orElse(false)) {
            failures.add(what + ": Content-Type " + r.header("Content-Type").orElse("(none)") + ", not JSON");
        }
        if (r.body().length > MAX_ERROR_BYTES) {
            failures.add(what + ": error body of " + r.body().length + " bytes (more than " + MAX_ERROR_BYTES + ")");
        }
        for (Pattern p : LEAKS) {
            var m = p.matcher(body);
            if (m.find()) {
                failures.add(what + ": body shows '" + RawHttp.abbreviate(m.group()) + "'");
            }
        }
        if (!token.isEmpty() && body.contains(token)) {
            failures.add(what + ": body contains the bearer token");
        }
        if (!r.header("X-Content-Type-Options").map(v -> v.equalsIgnoreCase("nosniff")).orElse(false)) {
            failures.add(what + ": no X-Content-Type-Options: nosniff");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
