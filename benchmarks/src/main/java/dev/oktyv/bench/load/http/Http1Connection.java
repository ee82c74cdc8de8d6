package dev.oktyv.bench.load.http;

import dev.oktyv.bench.load.executor.Outcome;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocketFactory;

/**
 * One persistent HTTP/1.1 connection over a blocking socket, used by one worker thread. Requests are sent one at a
 * time (no pipelining) and the response is parsed just enough to find its end: status line, Content-Length or
 * chunked body, {@code Connection: close}. The body is skipped, not stored. Any I/O error closes the socket; the
 * next request reconnects, so a refusing target yields one counted failure per operation.
 *
 * <p>Why not {@code java.net.http.HttpClient}: its pool size cannot be set, so {@code --connections N} could not be
 * honoured, and its per-request cost (futures, header maps, body subscribers) is several times that of this loop;
 * a load generator should spend its CPU on the target, not on itself.
 */
public final class Http1Connection implements AutoCloseable {

    private static final byte[] HTTP_1 = ascii("HTTP/1.");
    private static final byte[] HTTP_10 = ascii("HTTP/1.0");
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");

    private final HttpRequestSpec spec;
    private final byte[] request;
    private final int timeoutMillis;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;
    private int lineStart;
    private int lineEnd;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public Http1Connection(HttpRequestSpec spec) {
        this.spec = spec;
        this.request = spec.encode();
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, spec.timeout().toMillis()));
    }

    /** Sends the request and reads the whole response. */
    public Outcome exchange() throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = spec.tls() ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis);
            s.connect(new InetSocketAddress(spec.uri().getHost(), spec.port()), timeoutMillis);
        } catch (SocketTimeoutException e) {
            s.close();
            throw new SocketTimeoutException("connect timeout " + timeoutMillis + "ms");
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        pos = 0;
        limit = 0;
    }

    private Outcome readResponse() throws IOException {
        try {
            nextLine();
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("read timeout " + timeoutMillis + "ms");
        }
        int status = statusCode();
        long contentLength = -1;
        boolean chunked = false;
        boolean close = startsWith(lineStart, lineEnd, HTTP_10);
        // Header lines are matched in the buffer and only the three that matter become Strings: a String per
        // line was ~1 KB of garbage per request, the generator's only allocation, at 15,000 requests/s.
        for (nextLine(); lineEnd > lineStart; nextLine()) {
            int colon = indexOf(lineStart, lineEnd, (byte) ':');
            if (colon <= lineStart) {
                continue;
            }
            if (nameIs(lineStart, colon, CONTENT_LENGTH)) {
                contentLength = Long.parseLong(value(colon));
            } else if (nameIs(lineStart, colon, TRANSFER_ENCODING)) {
                chunked = value(colon).toLowerCase(java.util.Locale.ROOT).contains("chunked");
            } else if (nameIs(lineStart, colon, CONNECTION)) {
                close = value(colon).equalsIgnoreCase("close");
            }
        }
        boolean noBody = spec.method().equals("HEAD") || status / 100 == 1 || status == 204 || status == 304;
        if (!noBody) {
            if (chunked) {
                skipChunked();
            } else if (contentLength >= 0) {
                skip(contentLength);
            } else {
                // No length: the body runs to the end of the connection.
                while (fill() > 0) {
                    pos = limit;
                }
                close = true;
            }
        }
        if (close) {
            close();
        }
        return status >= 200 && status < 400 ? Outcome.OK : Outcome.httpStatus(status);
    }

    private void skipChunked() throws IOException {
        while (true) {
            String sizeLine = readLine();
            int semi = sizeLine.indexOf(';');
            long size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // trailers are ignored
                }
                return;
            }
            skip(size);
            readLine();
        }
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            if (pos == limit && fill() < 0) {
                throw new EOFException("connection closed with " + n + " body bytes missing");
            }
            int k = (int) Math.min(n, limit - pos);
            pos += k;
            n -= k;
        }
    }

    /** A CRLF-terminated line as ISO-8859-1, without the terminator. Header lines are short; 16 KiB bounds them. */
    private String readLine() throws IOException {
        nextLine();
        return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
    }

    /**
     * Finds the next line and leaves it in the buffer at {@code [lineStart, lineEnd)}, without the terminator; it
     * stays valid until the next read from the buffer.
     */
    private void nextLine() throws IOException {
        int start = pos;
        while (true) {
            for (int i = start; i < limit; i++) {
                if (buf[i] == '\n') {
                    lineStart = pos;
                    lineEnd = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    pos = i + 1;
                    return;
                }
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                throw new IOException("response header line longer than " + buf.length + " bytes");
            }
            start = limit;
            if (fill() < 0) {
                throw new EOFException("connection closed before the end of the response headers");
            }
        }
    }

    /** The status code of the status line in {@code [lineStart, lineEnd)}. */
    private int statusCode() throws IOException {
        int n = lineEnd - lineStart;
        if (!startsWith(lineStart, lineEnd, HTTP_1) || n < 12) {
            String l = new String(buf, lineStart, Math.min(40, n), StandardCharsets.ISO_8859_1);
            throw new IOException("not an HTTP/1.x status line: " + l);
        }
        int code = 0;
        for (int i = lineStart + 9; i < lineStart + 12; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw new IOException("not an HTTP/1.x status code: "
                        + new String(buf, lineStart + 9, 3, StandardCharsets.ISO_8859_1));
            }
            code = code * 10 + d;
        }
        return code;
    }

    private boolean startsWith(int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the header name in {@code [from, colon)}, trimmed, is {@code lowerName} ignoring ASCII case. */
    private boolean nameIs(int from, int colon, byte[] lowerName) {
        int to = colon;
        while (from < to && isSpace(buf[from])) {
            from++;
        }
        while (to > from && isSpace(buf[to - 1])) {
            to--;
        }
        if (to - from != lowerName.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length; i++) {
            byte b = buf[from + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    /** The trimmed value after the colon of the current line. */
    private String value(int colon) {
        return new String(buf, colon + 1, lineEnd - colon - 1, StandardCharsets.ISO_8859_1).trim();
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    /** Reads more bytes after {@code limit}; compacts first when the buffer is consumed. */
    private int fill() throws IOException {
        if (pos == limit) {
            pos = 0;
            limit = 0;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n > 0) {
            limit += n;
        }
        return n;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a broken socket: nothing more to learn from it.
            }
            socket = null;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
