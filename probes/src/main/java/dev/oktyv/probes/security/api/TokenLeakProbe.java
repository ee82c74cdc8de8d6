package dev.oktyv.probes.security.api;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.leak.OutputCapture;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.api.AccessTokenSource;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
import dev.oktyv.system.secret.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Neither the token nor the Authorization header shows in what the client reports when a call fails: exception
 * messages and causes, stack traces, the request's and response's text forms. Failures tried: connection refused,
 * 401, 500 (retried), and a server that echoes the Authorization header back.
 *
 * <p>Log lines are searched too, at every level down to FINEST: the suite binds SLF4J to {@code java.util.logging}
 * (slf4j-jdk14), and {@link OutputCapture} records every JUL record and everything printed while the calls run.
 */
public final class TokenLeakProbe extends ApiProbe {

    @Override
    public String id() {
        return "api.no-token-in-errors";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "No Authorization header or token in error messages, stack traces or request/response text";
    }

    @Override
    public String fix() {
        return "Keep tokens in Secret values; describe requests by method, host and path only";
    }

    @Override
    ProbeOutcome attack(ApiTarget api, SecurityTarget target) throws Exception {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String token = "oktyv-probe-" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        AccessTokenSource auth = () -> Secret.of(token);
        ApiCaller client = api.client(ApiSettings.loopback());
        List<String> seen = new ArrayList<>();
        int logged;
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (LocalServer server = LocalServer.http(ex -> {
            String path = ex.getRequestURI().getPath();
            int status = path.startsWith("/401") ? 401 : path.startsWith("/500") ? 500 : 400;
            byte[] body = path.startsWith("/echo")
                    ? ("{\"error\":\"bad header " + ex.getRequestHeaders().getFirst("Authorization") + "\"}")
                            .getBytes(StandardCharsets.UTF_8)
                    : "{\"error\":\"no\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        })) {
            List<ApiRequest> requests = List.of(
                    ApiRequest.get(java.net.URI.create("http://127.0.0.1:" + closedPort + "/refused")).withAuth(auth),
                    ApiRequest.get(server.uri("/401")).withAuth(auth),
                    ApiRequest.get(server.uri("/500")).withAuth(auth),
                    ApiRequest.get(server.uri("/echo")).withAuth(auth));
            try (OutputCapture capture = OutputCapture.start()) {
                for (ApiRequest r : requests) {
                    seen.add("request " + r.describe() + " " + r);
                    try {
                        ApiResponse resp = client.send(r);
                        // The echo server's body holds the token by design; the response's text form must not.
                        seen.add("response " + resp);
                    } catch (IOException | RuntimeException e) {
                        ByteArrayOutputStream trace = new ByteArrayOutputStream();
                        e.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
                        seen.add("exception " + chain(e) + "\n" + trace.toString(StandardCharsets.UTF_8));
                    }
                }
                logged = capture.recordCount();
                seen.add("log " + capture.text());
            }
        }
        List<String> failures = new ArrayList<>();
        for (String s : seen) {
            if (s.contains(token) || s.contains("Authorization: Bearer")) {
                String kind = s.substring(0, s.indexOf(' '));
                failures.add("the token appears in a " + kind + " text: " + leakingLine(s, token));
            }
        }
        String action = "4 authenticated calls that fail (connection refused, 401, 500 with retries, an echoed"
                + " header); searched their exceptions, stack traces, text forms and log records for the token";
        return failures.isEmpty() ? ProbeOutcome.pass(action, List.of(seen.size() - 1 + " texts and " + logged
                + " log records (all levels), no token in any"))
                : ProbeOutcome.fail(action, failures);
    }

    /** The first line that shows the token (a captured log can hold many unrelated lines), token masked. */
    private static String leakingLine(String text, String token) {
        String line = text.lines().filter(l -> l.contains(token) || l.contains("Authorization: Bearer")).findFirst()
                .orElse(text).replace(token, "<token>");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
