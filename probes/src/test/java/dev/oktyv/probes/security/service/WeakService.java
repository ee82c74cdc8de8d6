package dev.oktyv.probes.security.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A deliberately weak HTTP service for the probes' must-fail tests, on loopback. Each {@link Weakness} switches one
 * defence off; with none it behaves like a careful service, so the same server also shows that a probe passes
 * when the weakness is absent.
 */
final class WeakService implements AutoCloseable {

    enum Weakness {
        /** Every route answers without a token. */
        NO_AUTH,
        /** {@code Access-Control-Allow-Origin: *} on every response. */
        PERMISSIVE_CORS,
        /** Reads the whole body before looking at its size; accepts any header. */
        READS_WHOLE_BODY,
        /** One worker thread that blocks reading requests: a few slow clients freeze it. */
        ONE_BLOCKING_WORKER,
        /** The health check reads the vault entry a client may delete. */
        HEALTH_IN_CLIENT_NAMESPACE,
        /** Errors are 500 with the exception's stack trace, no security headers. */
        VERBOSE_ERRORS
    }

    static final String TOKEN = "weak-service-token-0123456789abcdef";

    private final HttpServer server;
    private final ExecutorService workers;
    private final Set<Weakness> weaknesses;
    private final AtomicBoolean healthEntryDeleted = new AtomicBoolean();

    private WeakService(Set<Weakness> weaknesses) throws IOException {
        this.weaknesses = weaknesses;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        workers = Executors.newFixedThreadPool(weaknesses.contains(Weakness.ONE_BLOCKING_WORKER) ? 1 : 8, r -> {
            Thread t = new Thread(r, "weak-service");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    static WeakService with(Weakness... w) throws IOException {
        return new WeakService(w.length == 0 ? EnumSet.noneOf(Weakness.class) : EnumSet.of(w[0], w));
    }

    ServiceTarget target() {
        return new ServiceTarget(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Secret.of(TOKEN));
    }

    private boolean has(Weakness w) {
        return weaknesses.contains(w);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            var rh = ex.getResponseHeaders();
            if (has(Weakness.PERMISSIVE_CORS)) {
                rh.set("Access-Control-Allow-Origin", "*");
            }
            if (!has(Weakness.VERBOSE_ERRORS)) {
                rh.set("X-Content-Type-Options", "nosniff");
                rh.set("Cache-Control", "no-store");
            }
            if (method.equals("OPTIONS")) {
                send(ex, has(Weakness.PERMISSIVE_CORS) ? 204 : 403, "");
                return;
            }
            if (path.equals("/health")) {
                boolean down = has(Weakness.HEALTH_IN_CLIENT_NAMESPACE) && healthEntryDeleted.get();
                send(ex, down ? 503 : 200, down ? "{\"status\":\"DOWN\"}" : "{\"status\":\"UP\"}");
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (!has(Weakness.NO_AUTH) && !("Bearer " + TOKEN).equals(auth)) {
                send(ex, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            String length = ex.getRequestHeaders().getFirst("Content-Length");
            byte[] body;
            if (has(Weakness.READS_WHOLE_BODY) || length == null || Long.parseLong(length) <= 65536) {
                try (InputStream in = ex.getRequestBody()) {
                    body = in.readAllBytes();
                }
            } else {
                send(ex, 413, "{\"error\":\"too_large\"}");
                return;
            }
            if (path.equals("/vault/oktyv-service/token") && method.equals("DELETE")) {
                healthEntryDeleted.set(true);
                send(ex, 204, "");
                return;
            }
            if (path.equals("/vault/oktyv-service/token") && method.equals("PUT")) {
                healthEntryDeleted.set(false);
                send(ex, 204, "");
                return;
            }
            if (path.equals("/metrics") && method.equals("GET") || path.startsWith("/vault/") && !method.equals("PATCH")
                    && (body.length == 0 || new String(body, StandardCharsets.UTF_8).contains("\"value\": \""))) {
                send(ex, 200, "{\"value\":\"x\"}");
                return;
            }
            if (has(Weakness.VERBOSE_ERRORS)) {
                send(ex, 500, "java.lang.IllegalStateException: bad input for SELECT * FROM items WHERE id = 1\n"
                        + "\tat dev.oktyv.Foo.bar(Foo.java:12)\n\tat /tmp/oktyv/data");
                return;
            }
            send(ex, path.startsWith("/vault/") || path.startsWith("/db/") || path.startsWith("/files/")
                    || path.equals("/metrics") ? 400 : 404, "{\"error\":\"bad_request\"}");
        }
    }

    /** One JSON answer (or none for an empty body); the other test servers of this package answer through it. */
    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
