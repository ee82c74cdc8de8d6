package dev.oktyv.system.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link HttpTransport} on {@link HttpClient}: connection pooling, HTTP/2 where the server offers it. Each send
 * has one deadline, the request's timeout, for the whole exchange including the body (HttpClient's own timeout
 * stops at the response headers, so a server dribbling the body at 1 byte/s held a 2 s call for 20 s), and a
 * body limit ({@link ApiClientConfig#maxResponseBytes()}).
 *
 * <p>The exchange runs through the blocking {@link HttpClient#send}: HttpClient's timeout bounds it up to the
 * response headers, and {@link BoundedBodySubscriber} bounds the body by the same deadline. It used to be
 * {@code sendAsync(…).get(timeout)}, which on a 2-core machine cost a new thread per request (the JDK completes
 * {@code sendAsync}'s future through {@code CompletableFuture}'s default executor, a thread per task when the common
 * pool has parallelism 1) and moved the whole exchange to the client's pool; {@code send} runs it on the caller's
 * thread. Measured on one thread over loopback: 2.7× the time per GET of a plain {@code HttpClient.send} before,
 * see docs/api-and-email.md for after.
 */
public final class JdkHttpTransport implements HttpTransport {

    /**
     * Fires body deadlines for every transport of the process: one daemon thread. Cancelled entries are removed at
     * once, so a body that completes in time leaves nothing behind.
     */
    private static final long HEAD_TICK_MILLIS = 1000;
    private static final ScheduledExecutorService BODY_DEADLINES = bodyDeadlineTimer();

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
        long start = System.nanoTime();
        if (request.timeout().isEmpty()) {
            // Without a timeout HttpClient would wait for the headers forever: the deadline must cover them too.
            request = HttpRequest.newBuilder(request, (name, value) -> true).timeout(defaultTimeout).build();
        }
        Duration timeout = request.timeout().get();
        BoundedBodySubscriber.Exchange exchange =
                new BoundedBodySubscriber.Exchange(request.method(), request.uri(), timeout);
        HttpResponse.BodyHandler<byte[]> handler = BoundedBodySubscriber.handler(exchange, maxResponseBytes,
                start + timeout.toNanos(), BODY_DEADLINES);
        try {
            // On interrupt, send cancels the exchange (JDK 16+) and rethrows.
            return client.send(request, handler);
        } catch (IOException e) {
            throw ownFailure(e);
        }
    }

    /**
     * {@code send} re-wraps the exchange's failure in a new exception (a plain IOException for any IOException
     * subtype it does not know); the caller must still see a {@link ResponseTooLargeException} as such.
     */
    private static IOException ownFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ResponseTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return e;
    }

    private static ScheduledExecutorService bodyDeadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "oktyv-api-body-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        // The queue wakes its thread whenever a new entry becomes the earliest. Arming a deadline per GET on an
        // otherwise empty queue therefore cost a thread wake-up per GET (the timer thread took ~2% of the CPU
        // samples of a loopback GET, ~170 ms of CPU in 7 s). A no-op entry every second stays ahead of any
        // deadline longer than that, so arming one wakes nothing; shorter deadlines still wake the
        // thread and fire on time. Cost: one wake-up a second while the process lives.
        timer.scheduleAtFixedRate(() -> { }, HEAD_TICK_MILLIS, HEAD_TICK_MILLIS, TimeUnit.MILLISECONDS);
        return timer;
    }
}
