package dev.oktyv.probes.security.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small HTTP/1.1 client on a plain socket. The probes need what a polite client never does: half a
 * header, a body announced and never sent, a header of a megabyte, the token in the query string. Every request
 * closes its connection ({@code Connection: close}), so a response ends at the length, the last chunk or EOF.
 */
public final class RawHttp {

    /** Responses larger than this are cut: a probe needs the status, headers and the start of an error body. */
    static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final URI base;
    private final Duration timeout;

    public RawHttp(URI base, Duration timeout) {
        if (!"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("raw HTTP probes speak plain http, not " + base);
        }
        this.base = base;
        this.timeout = timeout;
    }

    public URI base() {
        return base;
    }

    /** Opens a connection to the target with the read timeout set. */
    public Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(base.getHost(), base.getPort() < 0 ? 80 : base.getPort()),
                (int) timeout.toMillis());
        s.setSoTimeout((int) timeout.toMillis());
        return s;
    }

    /**
     * {@code absolutePath} under the base URI's path prefix (a service behind a reverse proxy at
     * {@code http://gateway/oktyv/}), as it goes into the request line.
     */
    public String path(String absolutePath) {
        String prefix = base.getRawPath() == null ? "" : base.getRawPath();
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix + absolutePath;
    }

    public String hostHeader() {
        return base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
    }

    /** Sends one request and reads the response; {@code headers} are extra lines such as {@code Origin: x}. */
    public RawResponse send(String method, String path, List<String> headers, byte[] body) throws IOException {
        try (Socket s = connect()) {
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(path(path)).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(hostHeader()).append("\r\n");
            head.append("Connection: close\r\n");
            for (String h : headers) {
                head.append(h).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(s.getInputStream());
        }
    }

    public RawResponse get(String path, List<String> headers) throws IOException {
        return send("GET", path, headers, null);
    }

    /** Reads one response (status line, headers, body by length, chunks or EOF). */
    public static RawResponse read(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("connection closed before a status line");
        }
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + abbreviate(status));
        }
        int code;
        try {
            code = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status code: " + abbreviate(parts[1]), e);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(l.substring(colon + 1).trim());
            }
        }
        byte[] body;
        List<String> te = headers.getOrDefault("transfer-encoding", List.of());
        List<String> cl = headers.getOrDefault("content-length", List.of());
        if (te.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            body = chunked(in);
        } else if (!cl.isEmpty()) {
            long n = Long.parseLong(cl.get(0));
            body = in.readNBytes((int) Math.min(n, MAX_RESPONSE_BYTES));
        } else if (code == 204 || code == 304 || code / 100 == 1) {
            body = new byte[0];
        } else {
            body = untilEof(in);
        }
        return new RawResponse(code, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < MAX_RESPONSE_BYTES) {
            String size = line(in);
            if (size == null) {
                break;
            }
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                break;
            }
            out.write(in.readNBytes(n));
            line(in);
        }
        return out.toByteArray();
    }

    private static byte[] untilEof(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; out.size() < MAX_RESPONSE_BYTES && (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // A server that neither closes nor says a length: what arrived is the body.
        }
        return out.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > 65536) {
                throw new IOException("response header line longer than 64 KiB");
            }
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
