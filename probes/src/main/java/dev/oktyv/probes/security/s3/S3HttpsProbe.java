package dev.oktyv.probes.security.s3;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.files.FileStore;
import dev.oktyv.probes.security.api.LocalServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An S3 store must refuse a plain-http endpoint on any host that is not a literal loopback address, before sending
 * anything: the request would carry a signature, the object bytes and the response in clear. The endpoints are
 * reserved names (RFC 6761), so even a store that wrongly tries reaches nobody; a connection attempt is the
 * failure. And a redirect from the endpoint must not be followed: it would carry the signed request and its
 * payload to a host (and scheme) the configuration never allowed.
 */
public final class S3HttpsProbe extends S3Probe {

    static final List<URI> PLAIN = List.of(URI.create("http://s3.oktyv-probe.invalid"),
            URI.create("http://s3.oktyv-probe.invalid:9000"), URI.create("http://localhost.oktyv-probe.invalid"));

    @Override
    public String id() {
        return "file.s3-https-enforced";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "An S3 store refuses plain http to any non-loopback endpoint and follows no redirect";
    }

    @Override
    public String fix() {
        return "Require https in the store configuration; allow http only to 127.0.0.0/8 or ::1 and only explicitly;"
                + " follow no redirects";
    }

    /**
     * A redirect must not move a signed request (and its payload) to wherever the {@code Location} says: the
     * origin answers every request with 307 to a second loopback server, which must receive nothing. Over loopback
     * http, so it needs a target that allows loopback http (tests, local benchmarks); otherwise it is skipped.
     */
    private static void redirect(S3Target s3, String base, List<String> failures, List<String> evidence)
            throws Exception {
        AtomicInteger landed = new AtomicInteger();
        try (LocalServer landing = LocalServer.http(ex -> {
                 landed.incrementAndGet();
                 ex.sendResponseHeaders(200, -1);
                 ex.close();
             });
             LocalServer origin = LocalServer.http(ex -> {
                 ex.getResponseHeaders().set("Location", landing.uri(ex.getRequestURI().getRawPath()).toString());
                 ex.sendResponseHeaders(307, -1);
                 ex.close();
             })) {
            FileStore store;
            try {
                store = s3.open(Optional.of(origin.uri("")), base);
            } catch (IllegalArgumentException refused) {
                evidence.add("redirect check skipped: loopback http is not allowed by this configuration");
                return;
            }
            String outcome;
            try {
                store.write("redirected.txt", new byte[] {1});
                outcome = "the write reported success";
            } catch (RuntimeException e) {
                outcome = e.getClass().getSimpleName();
            } finally {
                close(store);
            }
            if (landed.get() > 0) {
                failures.add("a 307 from the endpoint was followed: " + landed.get()
                        + " request(s) arrived at the redirect target (" + outcome + ")");
            } else {
                evidence.add("a 307 from the endpoint was not followed (" + outcome + ")");
            }
        }
    }

    @Override
    ProbeOutcome attack(S3Target s3, String base) throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (URI endpoint : PLAIN) {
            FileStore store;
            try {
                store = s3.open(Optional.of(endpoint), base);
            } catch (IllegalArgumentException refused) {
                evidence.add(endpoint + ": refused by the configuration (" + refused.getMessage() + ")");
                continue;
            }
            try {
                store.write("probe.txt", new byte[] {1});
                failures.add(endpoint + ": accepted, and a write succeeded over plain http");
            } catch (RuntimeException e) {
                failures.add(endpoint + ": accepted; the write went out over plain http and failed only on the "
                        + "network (" + e.getClass().getSimpleName() + ")");
            } finally {
                close(store);
            }
        }
        redirect(s3, base, failures, evidence);
        String action = "opened " + s3.description() + " on " + PLAIN.size() + " plain-http non-loopback endpoints;"
                + " wrote through a loopback endpoint that answers 307 to another server";
        return failures.isEmpty() ? ProbeOutcome.pass(action, evidence) : ProbeOutcome.fail(action, failures);
    }
}
