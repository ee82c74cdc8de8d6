package dev.oktyv.system.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.oktyv.system.tls.TestCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loopback HTTPS (or plain HTTP) server for tests, with the test certificate. */
final class LocalHttpsServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final String scheme;

    private LocalHttpsServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(executor);
    }

    static LocalHttpsServer https() throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.serverContext()));
        return new LocalHttpsServer(s, "https");
    }

    static LocalHttpsServer http() throws IOException {
        return new LocalHttpsServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
    }

    LocalHttpsServer handle(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    LocalHttpsServer start() {
        server.start();
        return this;
    }

    URI uri(String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
