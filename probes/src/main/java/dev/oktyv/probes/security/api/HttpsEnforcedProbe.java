package dev.oktyv.probes.security.api;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.tls.LoopbackTls;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.api.ApiRequest;
import dev.oktyv.system.api.ApiResponse;
import dev.oktyv.system.api.InsecureUrlException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client refuses plain http to a remote host before sending anything, and does not follow an https server's
 * redirect to http (which would carry the request, and its token, in clear).
 */
public final class HttpsEnforcedProbe extends ApiProbe {

    /** A reserved name (RFC 6761): the request can reach nobody even when the client wrongly tries. */
    static final URI PLAIN_REMOTE = URI.create("http://api.oktyv-probe.invalid/v1/items");

    @Override
    public String id() {
        return "api.https-enforced";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "Plain http to a remote host is refused, and an https to http redirect is not followed";
    }

    @Override
    public String fix() {
        return "Check the scheme of every URL, including each redirect target, before sending; or follow no redirects";
    }

    @Override
    ProbeOutcome attack(ApiTarget api, SecurityTarget target) throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        ApiSettings plain = ApiSettings.loopback();
        try {
            ApiResponse r = api.client(plain).send(ApiRequest.get(PLAIN_REMOTE));
            failures.add("GET " + PLAIN_REMOTE + ": sent, HTTP " + r.status());
        } catch (InsecureUrlException e) {
            evidence.add("GET " + PLAIN_REMOTE + ": refused before sending (" + e.getMessage() + ")");
        } catch (IOException e) {
            failures.add("GET " + PLAIN_REMOTE + ": the client tried to connect over plain http (" + chain(e) + ")");
        }
        LoopbackTls tls = LoopbackTls.generate(target.scratchDir());
        AtomicInteger landed = new AtomicInteger();
        try (LocalServer landing = LocalServer.http(ex -> {
                 landed.incrementAndGet();
                 ex.sendResponseHeaders(200, -1);
                 ex.close();
             });
             LocalServer origin = LocalServer.https(tls.server(), ex -> {
                 ex.getResponseHeaders().set("Location", landing.uri("/landing").toString());
                 ex.sendResponseHeaders(302, -1);
                 ex.close();
             })) {
            URI start = origin.uri("/start");
            String outcome;
            try {
                // Loopback http allowed, so only the redirect handling stands between the request and clear text.
                ApiResponse r = api.client(plain.withSsl(tls.client(), true)).send(ApiRequest.get(start));
                outcome = "HTTP " + r.status();
            } catch (IOException e) {
                outcome = chain(e);
            }
            if (landed.get() > 0) {
                failures.add("GET " + start + " redirected (302) to http: followed, " + landed.get()
                        + " request(s) arrived in clear text; final outcome " + outcome);
            } else {
                evidence.add("https 302 to http: not followed (" + outcome + ")");
            }
        }
        String action = "GET " + PLAIN_REMOTE + "; GET from a loopback https server that redirects to http";
        return failures.isEmpty() ? ProbeOutcome.pass(action, evidence) : ProbeOutcome.fail(action, failures);
    }
}
