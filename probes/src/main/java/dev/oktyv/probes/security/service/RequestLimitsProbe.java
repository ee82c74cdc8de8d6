package dev.oktyv.probes.security.service;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.security.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An oversized body is refused with 413 before it is read (the probe announces a gigabyte and sends nothing, so a
 * server that reads first never answers), and an oversized header is refused rather than accepted.
 */
public final class RequestLimitsProbe extends ServiceProbe {

    static final long ANNOUNCED_BODY_BYTES = 1L << 30;
    static final int HEADER_BYTES = 1 << 20;

    @Override
    public String id() {
        return "service.request-limits";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "An oversized body gets 413 without being read and an oversized header is refused";
    }

    @Override
    public String fix() {
        return "Check Content-Length against a cap before reading the body, and cap the request header size";
    }

    @Override
    ProbeOutcome attack(ServiceTarget service, RawHttp http) throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        // Each half returns what it observed when it held, or "" after adding its failure.
        String body = oversizedBody(service, http, failures);
        String header = oversizedHeader(http, failures);
        String action = "PUT /vault/oktyv-probe/oversized announcing " + ANNOUNCED_BODY_BYTES
                + " bytes and sending none; GET /health with a " + HEADER_BYTES + "-byte header";
        // What held is evidence too: a failure of one half should not hide how the other half went.
        for (String held : List.of(body, header)) {
            if (!held.isEmpty()) {
                evidence.add(held);
            }
        }
        if (!failures.isEmpty()) {
            List<String> all = new ArrayList<>(failures);
            all.addAll(evidence);
            return ProbeOutcome.fail(action, all);
        }
        return ProbeOutcome.pass(action, evidence);
    }

    private static String oversizedBody(ServiceTarget service, RawHttp http, List<String> failures)
            throws IOException {
        try (Socket s = http.connect()) {
            String head = "PUT " + http.path("/vault/oktyv-probe/oversized") + " HTTP/1.1\r\nHost: " + http.hostHeader() + "\r\n"
                    + bearer(service) + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + ANNOUNCED_BODY_BYTES + "\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            RawResponse r = RawHttp.read(s.getInputStream());
            if (r.status() != 413) {
                failures.add("announced 1 GiB body: HTTP " + r.status() + " instead of 413");
                return "";
            }
            return "announced 1 GiB body, sent none: HTTP " + r.status();
        } catch (SocketTimeoutException e) {
            failures.add("announced 1 GiB body, sent none: no answer within " + REQUEST_TIMEOUT.toSeconds()
                    + " s (the server waits to read the body before refusing it)");
            return "";
        } catch (IOException e) {
            failures.add("announced 1 GiB body: connection dropped without a 413 (" + e.getMessage() + ")");
            return "";
        }
    }

    private static String oversizedHeader(RawHttp http, List<String> failures) throws IOException {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oktyv-probe-header-watchdog");
            t.setDaemon(true);
            return t;
        });
        try (Socket s = http.connect()) {
            // A server that stops reading without closing would block this write for ever: the watchdog closes it.
            ScheduledFuture<?> guard = watchdog.schedule(() -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing is all it can do
                }
            }, REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            byte[] pad = new byte[HEADER_BYTES];
            Arrays.fill(pad, (byte) 'a');
            OutputStream out = s.getOutputStream();
            try {
                out.write(("GET " + http.path("/health") + " HTTP/1.1\r\nHost: " + http.hostHeader() + "\r\nConnection: close\r\n"
                        + "X-Oktyv-Probe: ").getBytes(StandardCharsets.ISO_8859_1));
                out.write(pad);
                out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                if (guard.isDone()) {
                    failures.add("1 MiB header: the server stopped reading but neither answered nor closed within "
                            + REQUEST_TIMEOUT.toSeconds() + " s");
                    return "";
                }
                // The server closed while we were still sending: refused. A status may still be readable.
            }
            try {
                RawResponse r = RawHttp.read(s.getInputStream());
                if (r.status() / 100 == 2 || r.status() / 100 == 3) {
                    failures.add("1 MiB header: accepted with HTTP " + r.status());
                    return "";
                }
                return "1 MiB header: HTTP " + r.status();
            } catch (SocketTimeoutException e) {
                failures.add("1 MiB header: no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
                return "";
            } catch (IOException e) {
                if (guard.isDone()) {
                    failures.add("1 MiB header: no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
                    return "";
                }
                return "1 MiB header: connection closed by the server without a response";
            } finally {
                guard.cancel(false);
            }
        } finally {
            watchdog.shutdownNow();
        }
    }
}
