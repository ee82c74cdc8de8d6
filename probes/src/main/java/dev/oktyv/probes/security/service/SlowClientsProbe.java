package dev.oktyv.probes.security.service;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.security.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Slowloris: many connections that send half a header, or announce a body and send nothing. The service must keep
 * answering others ({@code /health} within {@link #HEALTH_DEADLINE}) and close the stalled connections itself
 * within {@link #STALL_DEADLINE}. Bounded: {@value #CONNECTIONS} connections for at most the stall deadline.
 */
public final class SlowClientsProbe extends ServiceProbe {

    static final int CONNECTIONS = 64;
    static final Duration HEALTH_DEADLINE = Duration.ofSeconds(2);
    static final Duration STALL_DEADLINE = Duration.ofSeconds(15);

    private final Duration stallDeadline;

    public SlowClientsProbe() {
        this(STALL_DEADLINE);
    }

    SlowClientsProbe(Duration stallDeadline) {
        this.stallDeadline = stallDeadline;
    }

    @Override
    public String id() {
        return "service.slow-clients";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "Half-sent requests neither freeze the service for others nor stay open past a deadline";
    }

    @Override
    public String fix() {
        return "Read headers and bodies off the worker threads with a per-connection deadline, and close stalled"
                + " connections";
    }

    @Override
    ProbeOutcome attack(ServiceTarget service, RawHttp http) throws Exception {
        List<Socket> stalled = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        String action = "opened " + CONNECTIONS + " connections, half sending half a request header and half a PUT"
                + " announcing 1000 body bytes and sending none; then GET /health and waited "
                + stallDeadline.toSeconds() + " s for the server to close them";
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s;
                try {
                    s = http.connect();
                } catch (IOException e) {
                    failures.add("connection " + (i + 1) + " of " + CONNECTIONS + " refused: " + e.getMessage());
                    break;
                }
                stalled.add(s);
                String partial = i % 2 == 0
                        ? "GET " + http.path("/health") + " HTTP/1.1\r\nHost: " + http.hostHeader() + "\r\nX-Oktyv-Probe: slow"
                        : "PUT " + http.path("/vault/oktyv-probe/slow") + " HTTP/1.1\r\nHost: " + http.hostHeader() + "\r\n"
                                + bearer(service) + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
                s.getOutputStream().write(partial.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
            }
            RawHttp quick = new RawHttp(http.base(), HEALTH_DEADLINE);
            long t0 = System.nanoTime();
            try {
                RawResponse r = quick.get("/health", List.of());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                evidence.add("/health with " + stalled.size() + " stalled connections: HTTP " + r.status() + " in "
                        + ms + " ms");
            } catch (SocketTimeoutException e) {
                failures.add("/health with " + stalled.size() + " stalled connections: no answer within "
                        + HEALTH_DEADLINE.toMillis() + " ms (the service is frozen for everyone)");
            }
            int open = stillOpen(stalled, System.nanoTime() + stallDeadline.toNanos());
            if (open > 0) {
                failures.add(open + " of " + stalled.size() + " stalled connections still open after "
                        + stallDeadline.toSeconds() + " s");
            } else {
                evidence.add("all " + stalled.size() + " stalled connections closed by the server within "
                        + stallDeadline.toSeconds() + " s");
            }
        } finally {
            for (Socket s : stalled) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // best effort: the probe is leaving
                }
            }
        }
        return failures.isEmpty() ? ProbeOutcome.pass(action, evidence) : ProbeOutcome.fail(action, failures);
    }

    /** How many sockets the server has not closed (EOF, reset or an error response) by {@code deadlineNanos}. */
    private static int stillOpen(List<Socket> sockets, long deadlineNanos) {
        int open = 0;
        byte[] buf = new byte[4096];
        for (Socket s : sockets) {
            boolean closed = false;
            try {
                InputStream in = s.getInputStream();
                int readsPastDeadline = 0;
                while (!closed) {
                    // Once the deadline has passed, the remaining sockets still get a short look: a socket the
                    // server closed while an earlier one was being waited on is closed, not "still open". The
                    // bound on those reads keeps a server that trickles bytes forever from holding the probe.
                    long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
                    if (left <= 0 && ++readsPastDeadline > 16) {
                        break;
                    }
                    s.setSoTimeout((int) Math.max(1, left));
                    // An error response (408, 400) followed by a close counts: read until EOF.
                    closed = in.read(buf) < 0;
                }
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (IOException e) {
                closed = true;
            }
            if (!closed) {
                open++;
            }
        }
        return open;
    }
}
