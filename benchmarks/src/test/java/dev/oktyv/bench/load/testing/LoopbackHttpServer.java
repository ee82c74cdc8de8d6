package dev.oktyv.bench.load.testing;

import dev.oktyv.bench.fixture.CannedHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/**
 * A small, fast HTTP/1.1 keep-alive server on loopback for tests and the wrk comparison: a thread per
 * connection, a fixed 200 response. {@code stallNanos} maps the request's arrival (nanoTime) to a pause before
 * answering, which is how the coordinated-omission test makes the server stall once a second.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\n"
            + "hello, oktyv\n").getBytes(StandardCharsets.ISO_8859_1);

    private final ServerSocket server;
    private final LongUnaryOperator stallNanos;
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean closed;

    public LoopbackHttpServer(int port, LongUnaryOperator stallNanos) throws IOException {
        this.server = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
        this.stallNanos = stallNanos;
        Thread acceptor = new Thread(this::acceptLoop, "loopback-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public LoopbackHttpServer() throws IOException {
        this(0, t -> 0);
    }

    /** Stalls the first request that arrives in each new second (counted from the server's start) by {@code stall}. */
    public static LongUnaryOperator stallOncePerSecond(long stallNanos) {
        long start = System.nanoTime();
        AtomicLong lastSecond = new AtomicLong(-1);
        return now -> {
            long second = (now - start) / 1_000_000_000L;
            long last = lastSecond.get();
            return second > last && lastSecond.compareAndSet(last, second) ? stallNanos : 0;
        };
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    public long requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "loopback-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            s.setTcpNoDelay(true);
            byte[] buf = new byte[8192];
            int filled = 0;
            while (!closed) {
                int end = CannedHttpServer.headerEnd(buf, filled);
                if (end < 0) {
                    if (filled == buf.length) {
                        return;
                    }
                    int n = in.read(buf, filled, buf.length - filled);
                    if (n < 0) {
                        return;
                    }
                    filled += n;
                    continue;
                }
                int bodyLength = contentLength(buf, end);
                while (filled < end + bodyLength) {
                    int n = in.read(buf, filled, Math.min(buf.length, end + bodyLength) - filled);
                    if (n < 0) {
                        return;
                    }
                    filled += n;
                }
                requests.incrementAndGet();
                long stall = stallNanos.applyAsLong(System.nanoTime());
                if (stall > 0) {
                    Thread.sleep(stall / 1_000_000, (int) (stall % 1_000_000));
                }
                out.write(RESPONSE);
                out.flush();
                int consumed = end + bodyLength;
                System.arraycopy(buf, consumed, buf, 0, filled - consumed);
                filled -= consumed;
            }
        } catch (IOException | InterruptedException e) {
            // The client went away or the server is closing.
        }
    }

    private static int contentLength(byte[] b, int headerEnd) {
        String head = new String(b, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        int i = head.indexOf("\ncontent-length:");
        if (i < 0) {
            return 0;
        }
        int eol = head.indexOf('\r', i + 1);
        return Integer.parseInt(head.substring(i + 16, eol).trim());
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }

    /** Throwaway main for the wrk comparison: {@code java -cp ... LoopbackHttpServer 18080}. */
    public static void main(String[] args) throws Exception {
        try (LoopbackHttpServer s = new LoopbackHttpServer(Integer.parseInt(args[0]), t -> 0)) {
            System.out.println("listening on " + s.url());
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
