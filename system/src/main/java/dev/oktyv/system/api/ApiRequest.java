package dev.oktyv.system.api;

import dev.oktyv.system.secret.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to send. {@code endpoint} names the rate-limit bucket (default: the host); give calls that share a
 * server-side quota the same endpoint name. Authorization is never a plain header here: it comes from
 * {@link #auth()} at send time, so it cannot end up in a log line that prints headers.
 */
public record ApiRequest(HttpMethod method, URI uri, List<Header> headers, byte[] body, String endpoint,
                         Optional<AccessTokenSource> auth) {

    /** A request header; {@code Authorization} is refused here (use {@link #withAuth}). */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            if (name.equalsIgnoreCase("Authorization")) {
                throw new IllegalArgumentException("header 'Authorization' must be supplied through an AccessTokenSource");
            }
            if (name.isEmpty() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header '" + name + "' has an empty name or a CR/LF in its value");
            }
        }
    }

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
        Objects.requireNonNull(auth, "auth");
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("uri '" + uri + "' has no host");
        }
        if (endpoint == null || endpoint.isBlank()) {
            endpoint = uri.getHost().toLowerCase(Locale.ROOT);
        }
    }

    public static ApiRequest get(URI uri) {
        return of(HttpMethod.GET, uri, null);
    }

    public static ApiRequest of(HttpMethod method, URI uri, byte[] body) {
        return new ApiRequest(method, uri, List.of(), body, null, Optional.empty());
    }

    public ApiRequest withHeader(String name, String value) {
        List<Header> copy = new ArrayList<>(headers);
        copy.add(new Header(name, value));
        return new ApiRequest(method, uri, copy, body, endpoint, auth);
    }

    public ApiRequest withEndpoint(String endpointName) {
        return new ApiRequest(method, uri, headers, body, endpointName, auth);
    }

    public ApiRequest withAuth(AccessTokenSource source) {
        return new ApiRequest(method, uri, headers, body, endpoint, Optional.of(source));
    }

    public ApiRequest withBasicAuth(Secret encodedCredential) {
        return withAuth(AccessTokenSource.basic(encodedCredential));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Method and address without the query, which may carry credentials; safe for logs and messages. */
    public String describe() {
        return method + " " + describe(uri);
    }

    /** scheme://host[:port]/path: no user-info and no query, both of which may carry credentials. */
    static String describe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    @Override
    public String toString() {
        return "ApiRequest[" + describe() + ", endpoint=" + endpoint + ", bodyBytes=" + body.length
                + ", auth=" + auth.map(a -> a.scheme() + "[redacted]").orElse("none") + "]";
    }
}
