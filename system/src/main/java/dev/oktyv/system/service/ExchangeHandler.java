package dev.oktyv.system.service;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.oktyv.system.time.NanoClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline around every route: CORS preflight, routing, authentication, body limit, the route,
 * errors as JSON, security headers, and timing into {@link RequestMetrics}.
 *
 * <p>Authentication comes before the 404/405 decision for every path that is not public, so a caller without
 * the token learns nothing about which routes exist.
 */
final class ExchangeHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);
    private static final byte[] EMPTY = new byte[0];

    private final RouteTable routes;
    private final BearerAuth auth;
    private final CorsPolicy cors;
    private final long maxBodyBytes;
    private final RequestMetrics metrics;
    private final NanoClock nanoClock;

    ExchangeHandler(RouteTable routes, BearerAuth auth, CorsPolicy cors, long maxBodyBytes, RequestMetrics metrics,
                    NanoClock nanoClock) {
        this.routes = routes;
        this.auth = auth;
        this.cors = cors;
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
        this.nanoClock = nanoClock;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long t0 = DispatchTime.dispatchedAtOr(nanoClock.nanoTime());
        int routeIndex = metrics.unmatchedIndex();
        Response response;
        try {
            RouteTable.Match match = null;
            Optional<HttpMethod> method = HttpMethod.parse(ex.getRequestMethod());
            List<String> segments = RequestPath.segments(ex.getRequestURI().getRawPath());
            if (method.isPresent()) {
                match = routes.find(method.get(), segments).orElse(null);
            }
            if (match != null) {
                routeIndex = match.index();
            }
            response = respond(ex, method, segments, match);
        } catch (ApiException e) {
            response = Response.error(e.status(), e.code(), e.getMessage());
        } catch (Exception e) {
            // The client gets nothing of the exception: messages can carry paths, SQL, or secrets.
            LOG.warn("request {} {} failed: {}", ex.getRequestMethod(), routeLabel(routeIndex), e.getClass().getName());
            LOG.debug("request failure detail", e);
            response = Response.error(500, "internal", "internal error");
        }
        // Recorded before the response is written: once the client has its answer, its request is counted, so a
        // scrape right after a request sees it. The figure runs from dispatch to the worker pool (queue wait,
        // header parsing, handler) to a ready response; the socket write of a small body is not in it.
        metrics.record(routeIndex, response.status(), nanoClock.nanoTime() - t0);
        send(ex, response);
    }

    private String routeLabel(int index) {
        return index < routes.routes().size() ? routes.routes().get(index).label() : RequestMetrics.UNMATCHED;
    }

    private Response respond(HttpExchange ex, Optional<HttpMethod> method, List<String> segments,
                             RouteTable.Match match) throws Exception {
        Headers h = ex.getRequestHeaders();
        if (cors.enabled() && method.orElse(null) == HttpMethod.OPTIONS
                && h.getFirst("Access-Control-Request-Method") != null) {
            return preflight(h.getFirst("Origin"));
        }
        boolean isPublic = match != null ? !match.route().requiresToken() : routes.isPublicPath(segments);
        if (!isPublic && !auth.permits(h.getFirst("Authorization"))) {
            return Response.error(401, "unauthorized", "unauthorized").withHeader("WWW-Authenticate", "Bearer");
        }
        if (match == null) {
            Set<HttpMethod> allowed = routes.allowedMethods(segments);
            if (allowed.isEmpty()) {
                return Response.error(404, "not_found", "no route matches this path");
            }
            String allow = allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            return Response.error(405, "method_not_allowed", "method not allowed here; allowed: " + allow)
                    .withHeader("Allow", allow);
        }
        byte[] body = readBody(ex);
        // The JDK's Headers looks names up case-insensitively; a read-only view avoids copying every header.
        Request request = new Request(match.route().method(), ex.getRequestURI().getRawPath(), match.variables(),
                Collections.unmodifiableMap(h), body);
        return match.route().handle(request);
    }

    private Response preflight(String origin) {
        if (!cors.allows(origin)) {
            return Response.error(403, "cors_origin_not_allowed", "origin not allowed");
        }
        return Response.noContent()
                .withHeader("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE")
                .withHeader("Access-Control-Allow-Headers", "Authorization, Content-Type")
                .withHeader("Access-Control-Max-Age", "600");
    }

    private byte[] readBody(HttpExchange ex) throws IOException {
        Headers h = ex.getRequestHeaders();
        String length = h.getFirst("Content-Length");
        try (InputStream in = ex.getRequestBody()) {
            if (length != null) {
                long declared;
                try {
                    declared = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("Content-Length is not a number");
                }
                if (declared > maxBodyBytes) {
                    throw tooLarge(); // not read: the connection is closed after the answer
                }
                return declared <= 0 ? EMPTY : in.readNBytes((int) declared);
            }
            if (h.getFirst("Transfer-Encoding") == null) {
                return EMPTY; // HTTP/1.1: no length and no chunking means no body (every GET of a load test)
            }
            // Chunked: no declared length, so read one byte past the limit to know it was exceeded.
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "request body exceeds " + maxBodyBytes + " bytes");
    }

    private void send(HttpExchange ex, Response r) throws IOException {
        Headers out = ex.getResponseHeaders();
        out.set("Content-Type", r.contentType());
        out.set("X-Content-Type-Options", "nosniff");
        out.set("Cache-Control", "no-store");
        r.headers().forEach(out::set);
        if (cors.enabled()) {
            String origin = ex.getRequestHeaders().getFirst("Origin");
            out.add("Vary", "Origin");
            if (cors.allows(origin)) {
                out.set("Access-Control-Allow-Origin", origin);
            }
        }
        if (r.status() == 413) {
            out.set("Connection", "close"); // the unread body is still on the socket
        }
        boolean noBody = r.body().length == 0 || r.status() == 204 || r.status() == 304
                || "HEAD".equalsIgnoreCase(ex.getRequestMethod());
        ex.sendResponseHeaders(r.status(), noBody ? -1 : r.body().length);
        if (!noBody) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(r.body());
            }
        }
        ex.close();
    }
}
