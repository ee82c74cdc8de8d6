package dev.oktyv.bench.load.scenario.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * The API scenario's server: HTTPS on loopback, ephemeral port, HTTP/1.1 keep-alive, a thread per connection and
 * one fixed 200 response to every request. Deliberately minimal so that the API client, not the server, is what the
 * scenario measures: with the JDK's {@code HttpsServer} (8 handler threads) the scenario reached only ~45 requests/s
 * with 200 clients on 2 shared cores, p50 3.5 s and connect timeouts, i.e. it measured that server.
 * Requests must not have a body (the scenario sends GETs).
 */
final class LoopbackHttpsServer implements AutoCloseable {

    private final ServerSocket server;
    private final byte[] response;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean closed;

    LoopbackHttpsServer(SSLContext context, byte[] body) throws IOException {
        this.response = concat(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body);
        this.server = context.getServerSocketFactory().createServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        start(this::acceptLoop, "oktyv-load-https-accept");
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted and not yet closed. */
    int openConnections() {
        return open.size();
    }

    long requests() {
        return requests.get();
    }

    private void start(Runnable body, String name) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                open.add(s);
                if (closed) { // close() may have run between accept() and add(): it did not see this socket
                    s.close();
                    return;
                }
                start(() -> serve(s), "oktyv-load-https-conn");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            s.setTcpNoDelay(true);
            byte[] buf = new byte[8192];
            int filled = 0;
            while (!closed) {
                int end = headerEnd(buf, filled);
                if (end < 0) {
                    if (filled == buf.length) {
                        return; // a header over 8 KiB: not a client of this scenario
                    }
                    int n = in.read(buf, filled, buf.length - filled);
                    if (n < 0) {
                        return;
                    }
                    filled += n;
                    continue;
                }
                requests.incrementAndGet();
                out.write(response);
                out.flush();
                System.arraycopy(buf, end, buf, 0, filled - end);
                filled -= end;
            }
        } catch (IOException e) {
            // The client went away, a handshake failed, or the server is closing: this connection ends.
        } finally {
            open.remove(s);
        }
    }

    private static int headerEnd(byte[] b, int n) {
        for (int i = 3; i < n; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Stops accepting, closes every connection and waits (up to 5 s) until all server threads have ended. */
    @Override
    public void close() throws IOException, InterruptedException {
        closed = true;
        server.close();
        for (Socket s : open) {
            s.close();
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }
}
