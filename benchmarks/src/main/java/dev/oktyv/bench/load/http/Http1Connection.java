package dev.oktyv.bench.load.http;

import dev.oktyv.bench.load.executor.Outcome;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
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

    private final HttpRequestSpec spec;
    private final byte[] request;
    private final int timeoutMillis;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;
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
        String statusLine;
        try {
            statusLine = readLine();
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("read timeout " + timeoutMillis + "ms");
        }
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: "
                    + statusLine.substring(0, Math.min(40, statusLine.length())));
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
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
        int start = pos;
        while (true) {
            for (int i = start; i < limit; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buf, pos, end - pos, java.nio.charset.StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return line;
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
}
