package dev.oktyv.probes.security.s3;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.files.FileStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An S3 store must refuse a plain-http endpoint on any host that is not a literal loopback address, before sending
 * anything: the request would carry a signature, the object bytes and the response in clear. The endpoints are
 * reserved names (RFC 6761), so even a store that wrongly tries reaches nobody; a connection attempt is the
 * failure.
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
        return "An S3 store refuses plain http to any endpoint that is not a literal loopback address";
    }

    @Override
    public String fix() {
        return "Require https in the store configuration; allow http only to 127.0.0.0/8 or ::1 and only explicitly";
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
        String action = "opened " + s3.description() + " on " + PLAIN.size() + " plain-http non-loopback endpoints";
        return failures.isEmpty() ? ProbeOutcome.pass(action, evidence) : ProbeOutcome.fail(action, failures);
    }
}
