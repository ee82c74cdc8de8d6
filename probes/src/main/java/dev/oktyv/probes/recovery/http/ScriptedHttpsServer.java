package dev.oktyv.probes.recovery.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTPS server that answers each path with a script of {@link Reply}s (the last one repeats) and
 * counts what it received per method and path: the server's side of the story, which a client cannot fake.
 */
public final class ScriptedHttpsServer implements AutoCloseable {

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "recovery-https");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<Reply>> scripts = new HashMap<>();
    private final Map<String, Integer> received = new HashMap<>();

    public ScriptedHttpsServer(SSLContext serverContext) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port() + path);
    }

    /** Replaces the script of {@code path}; the count of what it received starts again from zero. */
    public synchronized void script(String path, Reply... replies) {
        if (replies.length == 0) {
            throw new IllegalArgumentException("a script for " + path + " needs at least one reply");
        }
        scripts.put(path, new ArrayList<>(List.of(replies)));
        received.keySet().removeIf(k -> k.endsWith(" " + path));
    }

    /** Requests received for {@code method path} since its script was set. */
    public synchronized int received(String method, String path) {
        return received.getOrDefault(method + " " + path, 0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Reply reply = next(exchange.getRequestMethod(), path);
            reply.retryAfter().ifPresent(d -> exchange.getResponseHeaders().add("Retry-After",
                    Long.toString(d.toSeconds())));
            byte[] body = ("status " + reply.status() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private synchronized Reply next(String method, String path) {
        received.merge(method + " " + path, 1, Integer::sum);
        List<Reply> script = scripts.get(path);
        if (script == null) {
            return Reply.of(404);
        }
        return script.size() > 1 ? script.remove(0) : script.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
