package dev.oktyv.system.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * GreenMail 2.1.3 speaks neither STARTTLS (greenmail issue #135) nor SMTPS with a certificate that has a
 * localhost SAN, so this relay sits in front of its plain SMTP port: it answers the pre-TLS dialogue itself
 * (offering STARTTLS, refusing everything else with 530), terminates TLS with the test certificate, then pipes
 * the decrypted session to GreenMail. In IMPLICIT mode it handshakes at once (SMTPS). The message still travels
 * through a real SMTP server.
 */
final class SmtpTlsRelay implements AutoCloseable {

    enum Mode { STARTTLS, IMPLICIT }

    final AtomicInteger tlsSessions = new AtomicInteger();
    final AtomicInteger refusedBeforeTls = new AtomicInteger();

    private final ServerSocket server;
    private final int upstreamPort;
    private final SSLContext context;
    private final Mode mode;
    private final Thread acceptor;

    SmtpTlsRelay(int upstreamPort, SSLContext context, Mode mode) throws IOException {
        this(upstreamPort, context, mode, InetAddress.getLoopbackAddress());
    }

    /** {@code bind} other than 127.0.0.1 (e.g. 127.0.0.2) makes the certificate's IP SAN not match. */
    SmtpTlsRelay(int upstreamPort, SSLContext context, Mode mode, InetAddress bind) throws IOException {
        this.server = new ServerSocket(0, 10, bind);
        this.upstreamPort = upstreamPort;
        this.context = context;
        this.mode = mode;
        this.acceptor = new Thread(this::acceptLoop, "smtp-tls-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setSoTimeout(10_000);
                Thread t = new Thread(() -> session(client), "smtp-tls-relay-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket client) {
        try {
            if (mode == Mode.IMPLICIT) {
                pipe(handshake(client), false);
                return;
            }
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            write(out, "220 relay.test ESMTP STARTTLS relay\r\n");
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    client.close();
                    return;
                }
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                if (verb.equals("EHLO")) {
                    write(out, "250-relay.test\r\n250 STARTTLS\r\n");
                } else if (verb.equals("HELO")) {
                    write(out, "250 relay.test\r\n");
                } else if (line.equalsIgnoreCase("STARTTLS")) {
                    write(out, "220 2.0.0 Ready to start TLS\r\n");
                    // After STARTTLS the client sends EHLO again; GreenMail's own greeting must be swallowed.
                    pipe(handshake(client), true);
                    return;
                } else if (verb.equals("QUIT")) {
                    write(out, "221 bye\r\n");
                    client.close();
                    return;
                } else {
                    refusedBeforeTls.incrementAndGet();
                    write(out, "530 5.7.0 Must issue a STARTTLS command first\r\n");
                }
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private SSLSocket handshake(Socket client) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(client, client.getInetAddress().getHostAddress(), client.getPort(), true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        tlsSessions.incrementAndGet();
        return tls;
    }

    private void pipe(Socket client, boolean swallowGreeting) throws IOException {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        upstream.setSoTimeout(10_000);
        if (swallowGreeting) {
            readLine(upstream.getInputStream());
        }
        Thread up = copy(client, upstream);
        Thread down = copy(upstream, client);
        try {
            up.join(30_000);
            down.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static Thread copy(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(to);
                closeQuietly(from);
            }
        }, "smtp-tls-relay-copy");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Byte by byte, so no bytes after the line (e.g. a TLS ClientHello) are consumed. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return null;
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
