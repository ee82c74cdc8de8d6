package dev.oktyv.probes.security.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Weakened for {@link FileRouteTraversalProbe}: file routes that decode the path and resolve it against the root
 * with no check at all (the classic {@code root.resolve(request path)}). With {@code confined} it normalises and
 * refuses anything that leaves the root, as a careful service does.
 */
final class NaiveFileService implements AutoCloseable {

    static final String TOKEN = "naive-file-service-token-0123456789";

    private final HttpServer server;
    private final Path root;
    private final boolean confined;

    NaiveFileService(Path root, boolean confined) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.confined = confined;
        Files.createDirectories(this.root);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/files/", this::handle);
        server.start();
    }

    ServiceTarget target() {
        return new ServiceTarget(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Secret.of(TOKEN));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                WeakService.send(ex, 401, "unauthorized");
                return;
            }
            String raw = ex.getRequestURI().getRawPath().substring("/files/".length());
            Path file;
            try {
                file = root.resolve(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                WeakService.send(ex, 400, "bad path");
                return;
            }
            if (confined && !file.normalize().startsWith(root)) {
                WeakService.send(ex, 400, "path refused");
                return;
            }
            try {
                if (ex.getRequestMethod().equals("PUT") && !file.normalize().startsWith(root)
                        && !file.normalize().startsWith(Path.of("/tmp"))) {
                    // Naive, but not let loose on the machine running the tests: escapes reach /tmp only.
                    WeakService.send(ex, 403, "outside the test sandbox");
                } else if (ex.getRequestMethod().equals("PUT")) {
                    byte[] body = ex.getRequestBody().readAllBytes();
                    Files.createDirectories(file.getParent());
                    Files.write(file, body);
                    WeakService.send(ex, 204, "");
                } else if (Files.isRegularFile(file)) {
                    WeakService.send(ex, 200, Files.readString(file, StandardCharsets.ISO_8859_1));
                } else {
                    WeakService.send(ex, 404, "no such file");
                }
            } catch (IOException | RuntimeException e) {
                WeakService.send(ex, 400, "refused");
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
