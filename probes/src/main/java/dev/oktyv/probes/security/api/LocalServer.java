package dev.oktyv.probes.security.api;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/** A throw-away HTTP or HTTPS server on loopback that plays the remote API (or S3 endpoint) for one probe. */
public final class LocalServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;
    private final String scheme;

    private LocalServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "oktyv-probe-api-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
    }

    public static LocalServer http(HttpHandler handler) throws IOException {
        LocalServer s = new LocalServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                0), "http");
        s.server.createContext("/", handler);
        s.server.start();
        return s;
    }

    public static LocalServer https(SSLContext context, HttpHandler handler) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(context));
        LocalServer s = new LocalServer(https, "https");
        s.server.createContext("/", handler);
        s.server.start();
        return s;
    }

    public URI uri(String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
