package dev.oktyv.system.service;

import dev.oktyv.system.time.NanoClock;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline around every route: CORS preflight, routing, authentication, body limit and deadline, the
 * route on the worker pool, errors as JSON, security headers, and timing into {@link RequestMetrics}.
 *
 * <p>Authentication comes before the 404/405 decision for every path that is not public, so a caller without
 * the token learns nothing about which routes exist. Everything before the route is cheap and runs on the server's
 * I/O thread; the body is read without a thread (see {@link BodyReader}); only a complete request reaches a worker,
 * so slow clients never occupy the workers. A route with a {@link Route#readyAnswer() ready answer} does not reach
 * a worker at all.
 *
 * <p>Why this handler is declared non-blocking: Jetty then runs it on the selector thread that read the request,
 * with no handoff; a blocking handler is dispatched from the selector to a pool thread for every request, and on
 * two cores that second runnable thread per request was most of the service's own tail on a cached /health
 * (docs/monitoring-and-service.md, "Tail latency of /health", session 6). The promise is kept by doing on the
 * selector only what never waits (routing, authentication, the gate's answers, a ready answer, non-blocking
 * writes); everything else, the body read and the worker handoff, moves to Jetty's pool first. That matters for the
 * full-queue case: the worker pool's caller-runs policy then runs the route on that pool thread, as before, never on
 * the selector, which would stall every connection.
 */
final class ExchangeHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);

    // The headers every answer carries, encoded once: built per request they were a tenth of the service's own
    // allocation per /health (docs/monitoring-and-service.md, "Tail latency of /health").
    private static final HttpField JSON_CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Response.JSON);
    private static final HttpField NO_SNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");

    private final RouteTable routes;
    private final BearerAuth auth;
    private final CorsPolicy cors;
    private final RequestMetrics metrics;
    private final NanoClock nanoClock;
    private final BodyReader bodies;
    private final ConnectionGuard guard;
    private final Executor workers;
    private final Executor io;
    private volatile LengthField lastLength;

    /**
     * @param workers the route pool (its rejection policy may run the route in the calling thread)
     * @param io      Jetty's own pool: where a request leaves the selector before anything that may wait
     */
    ExchangeHandler(RouteTable routes, BearerAuth auth, CorsPolicy cors, RequestMetrics metrics, NanoClock nanoClock,
                    BodyReader bodies, ConnectionGuard guard, Executor workers, Executor io) {
        super(InvocationType.NON_BLOCKING);
        this.routes = routes;
        this.auth = auth;
        this.cors = cors;
        this.metrics = metrics;
        this.nanoClock = nanoClock;
        this.bodies = bodies;
        this.guard = guard;
        this.workers = workers;
        this.io = io;
    }

    @Override
    public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
        guard.headReceived(request.getConnectionMetaData().getConnection());
        long t0 = nanoClock.nanoTime();
        int routeIndex = metrics.unmatchedIndex();
        RouteTable.Match match = null;
        Response early;
        try {
            // Case-sensitive (RFC 9110): "get" is not GET, and is answered like any unknown method.
            Optional<HttpMethod> method = HttpMethod.parse(request.getMethod());
            List<String> segments = RequestPath.segments(request.getHttpURI().getPath());
            if (method.isPresent()) {
                match = routes.find(method.get(), segments).orElse(null);
            }
            if (match != null) {
                routeIndex = match.index();
            }
            early = gate(request.getHeaders(), method, segments, match);
        } catch (ApiException e) {
            early = e.toResponse();
        }
        if (early != null) {
            // An early answer leaves a declared body unread, and Jetty then closes the connection after the answer.
            // Said in the answer, so that a keep-alive client does not send its next request into a connection that
            // is closing (the JDK client did, and got "header parser received no bytes" on a PUT after a 401).
            finish(request, response, callback, routeIndex, t0, early, !BodyReader.hasNoBody(request));
            return true;
        }
        // A ready answer (a fresh cached /health) is written from this I/O thread: the handoff to a worker and back,
        // and the Request built for the route, cost more than the answer itself. Only without a body, which would
        // otherwise be left unread on the connection; with one, the route answers the same on a worker.
        Response ready = match.route().readyAnswer();
        if (ready != null && BodyReader.hasNoBody(request)) {
            finish(request, response, callback, routeIndex, t0, ready, false);
            return true;
        }
        // Off the selector before the body read and the worker handoff: a full worker queue runs the route in the
        // calling thread, which must be a pool thread, never the selector (see the class comment).
        RouteTable.Match m = match;
        int index = routeIndex;
        try {
            io.execute(() -> readThenDispatch(request, response, callback, m, index, t0));
        } catch (RejectedExecutionException e) {
            // Only while stopping: Jetty's pool queue is unbounded.
            finish(request, response, callback, index, t0,
                    Response.error(503, "unavailable", "service is stopping"), true);
        }
        return true;
    }

    /** On a Jetty pool thread: reads the body (bounded, without a thread while the client is slow), then a worker. */
    private void readThenDispatch(Request request, org.eclipse.jetty.server.Response response, Callback callback,
                                  RouteTable.Match m, int index, long t0) {
        bodies.read(request, new BodyReader.Sink() {
            @Override
            public void body(byte[] body) {
                workers.execute(() -> run(request, response, callback, m, body));
            }

            @Override
            public void refused(ApiException e) {
                finish(request, response, callback, index, t0, e.toResponse(), true);
            }

            @Override
            public void abandoned(ApiException e) {
                finish(request, response, callback, index, t0, e.toResponse(), true);
            }
        });
    }

    /** Runs on a worker with the whole request in hand. */
    private void run(Request request, org.eclipse.jetty.server.Response response, Callback callback,
                     RouteTable.Match match, byte[] body) {
        // The dispatch stamp makes the wait for a free worker part of the figure; under load it is most of it.
        long t0 = DispatchTime.dispatchedAtOr(nanoClock.nanoTime());
        Response r;
        try {
            r = match.route().handle(new dev.oktyv.system.service.Request(match.route().method(), request.getHttpURI().getPath(),
                    match.variables(), headers(request.getHeaders()), body));
        } catch (ApiException e) {
            r = e.toResponse();
        } catch (Exception e) {
            // The client gets nothing of the exception: messages can carry paths, SQL, or secrets.
            LOG.warn("request {} {} failed: {}", request.getMethod(), match.route().label(), e.getClass().getName());
            LOG.debug("request failure detail", e);
            r = Response.error(500, "internal", "internal error");
        }
        finish(request, response, callback, match.index(), t0, r, false);
    }

    /** Null when the route may run; otherwise the answer (preflight, 401, 404, 405). */
    private Response gate(HttpFields h, Optional<HttpMethod> method, List<String> segments, RouteTable.Match match) {
        if (cors.enabled() && method.orElse(null) == HttpMethod.OPTIONS
                && h.get("Access-Control-Request-Method") != null) {
            return preflight(h.get("Origin"));
        }
        boolean isPublic = match != null ? !match.route().requiresToken() : routes.isPublicPath(segments);
        if (!isPublic && !auth.permits(h.get(HttpHeader.AUTHORIZATION))) {
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
        return null;
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

    /**
     * The Content-Length field for {@code body}: the one of the previous answer when it is the same array (a cached
     * answer served again), encoded once, instead of a new field and its digits per request.
     */
    private HttpField contentLength(byte[] body) {
        LengthField last = lastLength;
        if (last != null && last.body() == body) {
            return last.field();
        }
        LengthField f = new LengthField(body, new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, body.length));
        lastLength = f;
        return f.field();
    }

    private record LengthField(byte[] body, HttpField field) {
    }

    /** Request headers as routes see them: looked up ignoring case, as HTTP field names are. */
    private static Map<String, List<String>> headers(HttpFields fields) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField f : fields) {
            out.computeIfAbsent(f.getName(), n -> new ArrayList<>(1)).add(f.getValue());
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Records, then writes. Recorded before the response is written: once the client has its answer, its request is
     * counted, so a scrape right after a request sees it.
     *
     * @param close whether the connection must close after the answer (a body left unread on the socket)
     */
    private void finish(Request request, org.eclipse.jetty.server.Response response, Callback callback, int routeIndex,
                        long t0, Response r, boolean close) {
        metrics.record(routeIndex, r.status(), nanoClock.nanoTime() - t0);
        HttpFields.Mutable out = response.getHeaders();
        response.setStatus(r.status());
        out.put(Response.JSON.equals(r.contentType()) ? JSON_CONTENT_TYPE
                : new HttpField(HttpHeader.CONTENT_TYPE, r.contentType()));
        out.put(NO_SNIFF);
        out.put(NO_STORE);
        if (!r.headers().isEmpty()) {
            r.headers().forEach(out::put);
        }
        if (cors.enabled()) {
            String origin = request.getHeaders().get(HttpHeader.ORIGIN);
            out.add(HttpHeader.VARY, "Origin");
            if (cors.allows(origin)) {
                out.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            }
        }
        if (close) {
            out.put(HttpHeader.CONNECTION, "close");
        }
        boolean noBody = r.body().length == 0 || r.status() == 204 || r.status() == 304
                || "HEAD".equals(request.getMethod());
        if (!noBody) {
            out.put(contentLength(r.body()));
        }
        response.write(true, noBody ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(r.body()), callback);
    }
}
