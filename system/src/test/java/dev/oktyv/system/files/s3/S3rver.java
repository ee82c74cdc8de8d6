package dev.oktyv.system.files.s3;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for tests: the npm package {@code s3rver}, installed once into a cache directory
 * ({@code $OKTYV_S3RVER_HOME}, default {@code ~/.cache/oktyv-s3rver}; never into the source tree) and started on a
 * free loopback port with one bucket and a throw-away data directory. Its fixed credentials are
 * {@code S3RVER}/{@code S3RVER}, and it checks SigV4 signatures with them.
 */
public final class S3rver implements AutoCloseable {

    public static final String VERSION = "3.7.1";
    public static final String BUCKET = "oktyv-test";
    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";
    private static final long INSTALL_TIMEOUT_SECONDS = 240;
    private static final long START_TIMEOUT_MILLIS = 20_000;

    private final Process process;
    private final Path dataDir;
    private final int port;

    private S3rver(Process process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Installs (if needed) and starts the server. @throws IllegalStateException naming why it cannot */
    public static S3rver start() throws IOException, InterruptedException {
        Path script = install(home());
        Path data = Files.createTempDirectory("oktyv-s3rver-");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder("node", script.toString(), "-d", data.toString(), "-a", "127.0.0.1",
                "-p", Integer.toString(port), "-s", "--no-vhost-buckets", "--configure-bucket", BUCKET)
                .redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile())
                .start();
        S3rver server = new S3rver(p, data, port);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                server.close();
                throw new IllegalStateException("s3rver exited with " + p.exitValue() + " on start");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return server;
            } catch (IOException notYet) {
                p.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        server.close();
        throw new IllegalStateException("s3rver did not listen on port " + port + " within " + START_TIMEOUT_MILLIS + " ms");
    }

    static Path home() {
        String env = System.getenv("OKTYV_S3RVER_HOME");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "oktyv-s3rver");
    }

    private static Path install(Path home) throws IOException, InterruptedException {
        Path script = home.resolve("node_modules/s3rver/bin/s3rver.js");
        if (Files.isRegularFile(script)) {
            return script;
        }
        Files.createDirectories(home);
        Path log = home.resolve("npm-install.log");
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", home.toString(),
                "s3rver@" + VERSION).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm install s3rver@" + VERSION + " timed out (offline?), see " + log);
        }
        if (npm.exitValue() != 0 || !Files.isRegularFile(script)) {
            throw new IllegalStateException("npm install s3rver@" + VERSION + " failed with " + npm.exitValue()
                    + " (offline?), see " + log);
        }
        return script;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> walk = Files.walk(dataDir)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
        Files.deleteIfExists(dataDir.resolveSibling(dataDir.getFileName() + ".log"));
    }

}
