package dev.oktyv.system.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain sockets for what a well-behaved client library will not send: half requests, bad syntax, raw bytes. */
final class RawHttp {

    private RawHttp() {
    }

    /** Connects to the service with a read timeout, so that no test can hang on a read. */
    static Socket connect(URI service, Duration readTimeout) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(service.getHost(), service.getPort()), 5_000);
        s.setSoTimeout((int) readTimeout.toMillis());
        return s;
    }

    /** Sends {@code head} (and body) on a new connection and returns the whole answer up to the server's close. */
    static String exchange(URI service, String head, byte[] body) throws IOException {
        try (Socket s = connect(service, Duration.ofSeconds(10))) {
            s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                s.getOutputStream().write(body);
            }
            s.getOutputStream().flush();
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Whether the server closes the connection before {@code within} passes: reads (and discards) whatever it sends
     * until end of stream or a reset. A timeout means it is still open.
     */
    static boolean closedByServer(Socket s, Duration within) throws IOException {
        s.setSoTimeout((int) Math.max(1, within.toMillis()));
        InputStream in = s.getInputStream();
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                ignored.write(buf, 0, n);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server: closed too
        }
    }

    static int status(String response) {
        if (!response.startsWith("HTTP/1.")) {
            throw new AssertionError("not an HTTP response: " + response);
        }
        return Integer.parseInt(response.substring(9, 12));
    }

    static String body(String response) {
        int i = response.indexOf("\r\n\r\n");
        return i < 0 ? "" : response.substring(i + 4);
    }
}
