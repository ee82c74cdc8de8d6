package dev.oktyv.system.service;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers for requests that never reach a route (a malformed head, a bad URI, a bad Content-Length): the
 * service's own short JSON error by status, never the server's page, which names the server and sometimes the
 * parser's reason. The reason is not passed on: it is the server's wording, not a contract of this service.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        Response error = error(status);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, error.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        // Jetty closes the connection after a request it rejected (an ambiguous path such as /a/%2e%2e/b), but did
        // not say so; a keep-alive client then sent its next request into the closing connection and got nothing
        // back ("header parser received no bytes", 5 in 300 tries of ServeEnginesTest's sequence).
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(error.body()), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        Response error = error(status);
        fields.put(HttpHeader.CONTENT_TYPE, error.contentType());
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(error.body());
    }

    static Response error(int status) {
        return switch (status) {
            case 400 -> Response.error(400, "bad_request", "malformed request");
            case 408 -> Response.error(408, "request_timeout", "request not received in time");
            case 413 -> Response.error(413, "payload_too_large", "request too large");
            case 414 -> Response.error(414, "uri_too_long", "request URI too long");
            case 431 -> Response.error(431, "headers_too_large", "request headers too large");
            case 501 -> Response.error(501, "not_implemented", "not implemented");
            case 505 -> Response.error(505, "http_version_not_supported", "HTTP version not supported");
            default -> Response.error(status < 400 || status > 599 ? 500 : status,
                    status >= 500 || status < 400 ? "internal" : "bad_request",
                    status >= 500 || status < 400 ? "internal error" : "request refused");
        };
    }
}
