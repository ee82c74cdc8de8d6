package dev.oktyv.system.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link HttpTransport} on {@link HttpClient}: connection pooling, HTTP/2 where the server offers it. Each send
 * has one deadline, the request's timeout, for the whole exchange including the body (HttpClient's own timeout
 * stops at the response headers, so a server dribbling the body at 1 byte/s held a 2 s call for 20 s), and a
 * body limit ({@link ApiClientConfig#maxResponseBytes()}).
 */
public final class JdkHttpTransport implements HttpTransport {

    private final HttpClient client;
    private final long maxResponseBytes;
    private final Duration defaultTimeout;

    public JdkHttpTransport(ApiClientConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // Redirects are not followed: a redirect could lead to http:// or another host, bypassing the
                // URL policy and carrying the bearer token along.
                .followRedirects(HttpClient.Redirect.NEVER);
        config.sslContext().ifPresent(builder::sslContext);
        this.client = builder.build();
        this.maxResponseBytes = config.maxResponseBytes();
        this.defaultTimeout = config.requestTimeout();
    }

    @Override
    public HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        String what = request.method() + " " + ApiRequest.describe(request.uri());
        Duration timeout = request.timeout().orElse(defaultTimeout);
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, BoundedBodySubscriber.handler(what, maxResponseBytes));
        try {
            return exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Since JDK 16, cancelling the future of sendAsync aborts the exchange and closes its connection.
            exchange.cancel(true);
            throw new HttpTimeoutException(what + " did not complete within " + timeout
                    + " (requestTimeout, body included)");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static IOException unwrap(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new InterruptedIOException(String.valueOf(cause));
    }
}
