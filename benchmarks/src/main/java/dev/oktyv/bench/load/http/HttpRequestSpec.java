package dev.oktyv.bench.load.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one request the generic HTTP target sends, over and over. Encoded once into bytes so that the per-request
 * cost of the load generator is a socket write, not string building.
 */
public record HttpRequestSpec(URI uri, String method, List<Header> headers, byte[] body, Duration timeout) {

    /** A header as given by {@code --header Name:Value}. */
    public record Header(String name, String value) {
        public Header {
            if (name == null || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("'" + name + "' is not a valid HTTP header name");
            }
            if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name + " has a value with a line break");
            }
        }

        /** Parses {@code Name: value}. */
        public static Header parse(String text) {
            int colon = text == null ? -1 : text.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--header '" + text + "' is not NAME:VALUE");
            }
            return new Header(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
        }
    }

    public HttpRequestSpec {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("--url '" + uri + "' must be an http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--url '" + uri + "' has no host");
        }
        if (method == null || !method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("--method '" + method + "' is not an HTTP method (upper case, e.g. GET)");
        }
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be longer than zero, got " + timeout);
        }
    }

    public boolean tls() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    public int port() {
        return uri.getPort() > 0 ? uri.getPort() : tls() ? 443 : 80;
    }

    /** The request bytes: request line, Host, user headers, Content-Length when there is a body, then the body. */
    public byte[] encode() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        boolean hostGiven = headers.stream().anyMatch(h -> h.name().equalsIgnoreCase("Host"));
        if (!hostGiven) {
            sb.append("Host: ").append(uri.getHost());
            if (uri.getPort() > 0) {
                sb.append(':').append(uri.getPort());
            }
            sb.append("\r\n");
        }
        if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("User-Agent"))) {
            sb.append("User-Agent: oktyv-bench\r\n");
        }
        for (Header h : headers) {
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        if (body.length > 0 || !(method.equals("GET") || method.equals("HEAD") || method.equals("DELETE"))) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        }
        sb.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** For messages: never the headers, which may carry credentials. */
    @Override
    public String toString() {
        return method + " " + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
