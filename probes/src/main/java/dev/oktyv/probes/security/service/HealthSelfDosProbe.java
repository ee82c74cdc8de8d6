package dev.oktyv.probes.security.service;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.security.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An authenticated client must not be able to mark the service DOWN by writing or deleting the names its own health
 * checks use (the Oktyv service checks the vault through {@code oktyv-service/token} and the file store through
 * {@code .health-probe}). The probe deletes the vault entry and puts it back, then turns the file check's name
 * into a directory, and watches {@code /health} for a while after each.
 *
 * <p>Against a service at {@code --target-url} this changes its data: the vault entry is restored with the same
 * token, the directory {@code .health-probe/} stays (the service has no file delete).
 */
public final class HealthSelfDosProbe extends ServiceProbe {

    static final String VAULT_PATH = "/vault/oktyv-service/token";
    static final String FILE_PATH = "/files/.health-probe/oktyv-probe";
    /** The health answer is cached (a second in the Oktyv service), so the probe watches a little longer. */
    static final Duration WATCH = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Duration watch;

    public HealthSelfDosProbe() {
        this(WATCH);
    }

    /** @param watch how long /health is watched after each attack (tests shorten it for their uncached servers) */
    HealthSelfDosProbe(Duration watch) {
        this.watch = watch;
    }

    @Override
    public String id() {
        return "service.health-self-dos";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "An authenticated client cannot mark the service DOWN through the names its health checks use";
    }

    @Override
    public String fix() {
        return "Keep health-check state out of the client-writable namespaces (reserved vault and file names)";
    }

    @Override
    ProbeOutcome attack(ServiceTarget service, RawHttp http) throws Exception {
        RawResponse before = http.get("/health", List.of());
        if (before.status() == 503) {
            return ProbeOutcome.notRun("the service is already DOWN before the probe (/health 503)");
        }
        List<String> failures = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        String auth = bearer(service);
        RawResponse del = http.send("DELETE", VAULT_PATH, List.of(auth), null);
        evidence.add("DELETE " + VAULT_PATH + ": HTTP " + del.status());
        watch(http, "after DELETE " + VAULT_PATH, failures, evidence);
        String restore = "{\"value\": \"" + service.token().revealAsString() + "\"}";
        http.send("PUT", VAULT_PATH, List.of(auth, "Content-Type: application/json"),
                restore.getBytes(StandardCharsets.UTF_8));
        RawResponse put = http.send("PUT", FILE_PATH, List.of(auth, "Content-Type: application/octet-stream"),
                new byte[] {1});
        evidence.add("PUT " + FILE_PATH + ": HTTP " + put.status());
        watch(http, "after PUT " + FILE_PATH, failures, evidence);
        String action = "DELETE " + VAULT_PATH + " (then restored), PUT " + FILE_PATH + ", watching /health for "
                + watch.toMillis() + " ms after each";
        return failures.isEmpty() ? ProbeOutcome.pass(action, evidence) : ProbeOutcome.fail(action, failures);
    }

    private void watch(RawHttp http, String what, List<String> failures, List<String> evidence)
            throws Exception {
        long end = System.nanoTime() + watch.toNanos();
        while (true) {
            RawResponse h = http.get("/health", List.of());
            if (h.status() == 503 || h.bodyText().contains("\"DOWN\"")) {
                failures.add(what + ": /health HTTP " + h.status() + " DOWN");
                return;
            }
            if (System.nanoTime() >= end) {
                evidence.add(what + ": /health HTTP " + h.status() + " for " + watch.toMillis() + " ms");
                return;
            }
            // Production polling of a remote service; the probe's own tests use the short-cached test servers.
            Thread.sleep(POLL.toMillis());
        }
    }
}
