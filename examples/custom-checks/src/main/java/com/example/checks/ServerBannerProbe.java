package com.example.checks;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.service.ServiceTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Security probe: the service must not tell an attacker which server software and version it runs (the
 * {@code Server} and {@code X-Powered-By} headers), on a normal answer nor on an error.
 */
public final class ServerBannerProbe implements SecurityProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> HEADERS = List.of("Server", "X-Powered-By");

    @Override
    public String id() {
        return "service.example-server-banner";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.SERVICE;
    }

    @Override
    public Severity severity() {
        return Severity.LOW;
    }

    @Override
    public String title() {
        return "Example: no server version in the response headers";
    }

    @Override
    public String fix() {
        return "Turn off the server's version banner (e.g. Jetty's sendServerVersion) and drop X-Powered-By.";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<ServiceTarget> service = target.get(ServiceTarget.class);
        if (service.isEmpty()) {
            return ProbeOutcome.notRun("no service target configured");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        List<String> leaks = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String path : List.of("/health", "/example-no-such-path")) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(service.get().resolve(path)).timeout(TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            seen.add("GET " + path + ": HTTP " + r.statusCode());
            for (String h : HEADERS) {
                r.headers().firstValue(h).filter(v -> v.chars().anyMatch(Character::isDigit))
                        .ifPresent(v -> leaks.add("GET " + path + ": " + h + ": " + v));
            }
        }
        String action = "read the response headers of GET /health and of a missing path";
        return leaks.isEmpty() ? ProbeOutcome.pass(action, seen) : ProbeOutcome.fail(action, leaks);
    }
}
