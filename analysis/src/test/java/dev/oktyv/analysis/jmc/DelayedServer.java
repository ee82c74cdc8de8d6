package dev.oktyv.analysis.jmc;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A loopback server that answers each connection after a fixed delay (a slow backend), then closes it. */
final class DelayedServer implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    DelayedServer(String host, long delayMillis) throws Exception {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
        pool.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    pool.execute(() -> answer(s, delayMillis));
                } catch (java.io.IOException e) {
                    return; // closed
                }
            }
        });
    }

    private static void answer(Socket s, long delayMillis) {
        try (s; OutputStream out = s.getOutputStream()) {
            Thread.sleep(delayMillis); // the backend's latency, which the client's socket read must show
            out.write(new byte[512]);
        } catch (Exception e) {
            // the client went away; nothing to answer
        }
    }

    int port() {
        return server.getLocalPort();
    }

    String address() {
        return server.getInetAddress().getHostAddress() + ":" + port();
    }

    @Override
    public void close() throws Exception {
        server.close();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
