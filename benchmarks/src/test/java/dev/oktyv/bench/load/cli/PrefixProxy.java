package dev.oktyv.bench.load.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reverse proxy on loopback that serves {@code upstream} under {@code /prefix/} and strips the prefix, as a
 * gateway does; anything outside the prefix is a 404. Location headers are rewritten to carry the prefix.
 */
final class PrefixProxy implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicLong forwarded = new AtomicLong();

    PrefixProxy(URI upstream, String prefix) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getRawPath();
                if (!path.startsWith(prefix + "/")) {
                    send(ex, 404, new byte[0]);
                    return;
                }
                forward(ex, upstream, path.substring(prefix.length()), prefix);
            }
        });
        server.start();
    }

    private void forward(HttpExchange ex, URI upstream, String path, String prefix) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream.toString().replaceAll("/$", "") + path))
                .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String h : FORWARDED) {
            String v = ex.getRequestHeaders().getFirst(h);
            if (v != null) {
                b.header(h, v);
            }
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            r.headers().firstValue("Location").ifPresent(l -> ex.getResponseHeaders().add("Location", prefix + l));
            r.headers().firstValue("Content-Type").ifPresent(t -> ex.getResponseHeaders().add("Content-Type", t));
            forwarded.incrementAndGet();
            send(ex, r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(ex, 502, new byte[0]);
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    long forwarded() {
        return forwarded.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
