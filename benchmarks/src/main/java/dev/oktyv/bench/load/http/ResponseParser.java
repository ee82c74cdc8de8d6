package dev.oktyv.bench.load.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An incremental HTTP/1.1 response parser for non-blocking sockets: feed it whatever bytes arrived, it says when one
 * response is complete. It finds the end of the message (Content-Length, chunked, or close-delimited) and skips
 * the body without storing it. One instance per connection, reset after each response.
 */
final class ResponseParser {

    private enum State { STATUS, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_CRLF, TRAILERS, UNTIL_CLOSE, DONE }

    private static final int MAX_LINE = 16 * 1024;

    private final boolean headRequest;
    private final StringBuilder line = new StringBuilder(128);
    private State state = State.STATUS;
    private int status;
    private long remaining;
    private boolean chunked;
    private long contentLength = -1;
    private boolean closeAfter;

    ResponseParser(boolean headRequest) {
        this.headRequest = headRequest;
    }

    void reset() {
        line.setLength(0);
        state = State.STATUS;
        status = 0;
        remaining = 0;
        chunked = false;
        contentLength = -1;
        closeAfter = false;
    }

    /** Consumes bytes from {@code in}; returns true once a whole response has been read (leftover bytes stay). */
    boolean feed(ByteBuffer in) throws IOException {
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case STATUS, HEADERS, CHUNK_SIZE, CHUNK_CRLF, TRAILERS -> {
                    String l = readLine(in);
                    if (l != null) {
                        onLine(l);
                    }
                }
                case BODY, CHUNK_DATA -> {
                    int k = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + k);
                    remaining -= k;
                    if (remaining == 0) {
                        state = state == State.BODY ? State.DONE : State.CHUNK_CRLF;
                    }
                }
                case UNTIL_CLOSE -> in.position(in.limit());
                default -> throw new IllegalStateException(state.name());
            }
        }
        return state == State.DONE;
    }

    /** The peer closed: completes a close-delimited body, otherwise the response was cut short. */
    boolean onEndOfStream() {
        if (state == State.UNTIL_CLOSE) {
            state = State.DONE;
            closeAfter = true;
            return true;
        }
        return false;
    }

    int status() {
        return status;
    }

    boolean closeAfter() {
        return closeAfter;
    }

    private String readLine(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                int n = line.length();
                String s = n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
                line.setLength(0);
                return s;
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("response line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) (b & 0xff));
        }
        return null;
    }

    private void onLine(String l) throws IOException {
        switch (state) {
            case STATUS -> {
                if (!l.startsWith("HTTP/1.") || l.length() < 12) {
                    throw new IOException("not an HTTP/1.x status line: " + l.substring(0, Math.min(40, l.length())));
                }
                status = Integer.parseInt(l.substring(9, 12));
                closeAfter = l.startsWith("HTTP/1.0");
                state = State.HEADERS;
            }
            case HEADERS -> {
                if (!l.isEmpty()) {
                    header(l);
                    return;
                }
                if (headRequest || status / 100 == 1 || status == 204 || status == 304) {
                    state = State.DONE;
                } else if (chunked) {
                    state = State.CHUNK_SIZE;
                } else if (contentLength >= 0) {
                    remaining = contentLength;
                    state = contentLength == 0 ? State.DONE : State.BODY;
                } else {
                    state = State.UNTIL_CLOSE;
                }
            }
            case CHUNK_SIZE -> {
                int semi = l.indexOf(';');
                long size = Long.parseLong((semi >= 0 ? l.substring(0, semi) : l).trim(), 16);
                if (size == 0) {
                    state = State.TRAILERS;
                } else {
                    remaining = size;
                    state = State.CHUNK_DATA;
                }
            }
            case CHUNK_CRLF -> state = State.CHUNK_SIZE;
            case TRAILERS -> {
                if (l.isEmpty()) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void header(String l) {
        int colon = l.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = l.substring(0, colon).trim();
        String value = l.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
            contentLength = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
            chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        } else if (name.equalsIgnoreCase("Connection")) {
            closeAfter = value.equalsIgnoreCase("close");
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
