package dev.oktyv.system.api;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collects a response body into a byte array of at most {@code limitBytes}, asking for one chunk at a time, and
 * within the exchange's deadline. Past the limit it cancels the subscription (which closes the exchange) and fails
 * with {@link ResponseTooLargeException}, so a body of any size costs at most the limit in memory.
 * {@code BodyHandlers.ofByteArray} has no limit: a 768 MiB body took a 256 MiB client down with OutOfMemoryError.
 * At the deadline it cancels the subscription the same way and fails with {@link HttpTimeoutException}:
 * HttpClient's own request timeout stops at the response headers, so a server dribbling the body at 1 byte/s held a
 * 2 s call for 20 s.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** What an exchange is, for messages only; built on failure (a string per GET was measurable). */
    record Exchange(String method, URI uri, Duration timeout) {
        String describe() {
            return method + " " + ApiRequest.describe(uri);
        }
    }

    private final Exchange exchange;
    private final long limitBytes;
    private final long deadlineNanos;
    private final ScheduledExecutorService timer;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    /** Guards calls on {@link #subscription}: the timer thread may cancel while onNext requests (Flow rule 2.7). */
    private final Object subscriptionLock = new Object();
    private Flow.Subscription subscription;
    /** What HttpClient sees (set by {@link #handler} before any signal); forwards every signal here. */
    private HttpResponse.BodySubscriber<byte[]> adapter;
    private byte[] buffer = new byte[0];
    private int size;

    private BoundedBodySubscriber(Exchange exchange, long limitBytes, long deadlineNanos,
                                  ScheduledExecutorService timer) {
        this.exchange = exchange;
        this.limitBytes = limitBytes;
        this.deadlineNanos = deadlineNanos;
        this.timer = timer;
    }

    /**
     * Refuses an announced length over the limit before reading any of the body; otherwise reads it until
     * {@code deadlineNanos} ({@link System#nanoTime()} scale), when {@code timer} fails the body and cancels the
     * exchange.
     */
    static HttpResponse.BodyHandler<byte[]> handler(Exchange exchange, long limitBytes, long deadlineNanos,
                                                    ScheduledExecutorService timer) {
        return info -> {
            long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            BoundedBodySubscriber s = new BoundedBodySubscriber(exchange, limitBytes, deadlineNanos, timer);
            // HttpClient calls getBody() of a BodySubscriber it does not know on its worker pool, in case it blocks
            // (jdk.internal.net.http.ResponseSubscribers.TrustedSubscriber): one extra hand-off to another thread
            // per response (profile over https: a getBodyAsync task on the client's pool per GET and 3 pool threads
            // where a plain HttpClient with ofByteArray had none and 1). BodySubscribers.fromSubscriber is one it
            // knows, so getBody() runs inline; its finisher runs only after onComplete, when the body is done.
            s.adapter = HttpResponse.BodySubscribers.fromSubscriber(s, BoundedBodySubscriber::result);
            if (announced > limitBytes) {
                s.fail(new ResponseTooLargeException("the response body of " + exchange.describe()
                        + " (announced as " + announced + " bytes)", limitBytes));
            }
            return s.adapter;
        };
    }

    /** The adapter's finisher: the body, or its failure (thrown, so the adapter fails with it). */
    private byte[] result() {
        return body.join();
    }

    /**
     * Called once the first demand is out: a small body that was already read with the headers has completed by
     * then, and needs no timer (each armed timer wakes the timer thread once, measurable beside a loopback GET).
     */
    private void armDeadline() {
        if (body.isDone()) {
            return;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            expire();
            return;
        }
        ScheduledFuture<?> expiry = timer.schedule(this::expire, left, TimeUnit.NANOSECONDS);
        // Whichever way the body ends, the timer entry goes (the executor removes cancelled tasks at once).
        body.whenComplete((bytes, failure) -> expiry.cancel(false));
    }

    private void expire() {
        fail(new HttpTimeoutException(exchange.describe() + " did not complete within " + exchange.timeout()
                + " (requestTimeout, body included)"));
    }

    /** Fails the body (first failure wins) and cancels the subscription, closing the exchange's connection. */
    private void fail(Exception failure) {
        if (body.completeExceptionally(failure)) {
            synchronized (subscriptionLock) {
                if (subscription != null) {
                    subscription.cancel();
                }
            }
            // The adapter's body (what HttpClient waits for) completes only through onError/onComplete, and after
            // a cancel HttpClient need not call either: fail it here. Its onError comes back to onError below,
            // a no-op now that the body is done.
            adapter.onError(failure);
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        synchronized (subscriptionLock) {
            subscription = s;
            if (body.isDone()) {
                s.cancel();
                return;
            }
            s.request(1);
        }
        armDeadline();
    }

    @Override
    public void onNext(List<ByteBuffer> chunks) {
        if (body.isDone()) {
            return;
        }
        long incoming = 0;
        for (ByteBuffer b : chunks) {
            incoming += b.remaining();
        }
        if (size + incoming > limitBytes) {
            buffer = null;
            fail(new ResponseTooLargeException("the response body of " + exchange.describe(), limitBytes));
            return;
        }
        if (size + incoming > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(limitBytes, Math.max(size + incoming, buffer.length * 2L)));
        }
        for (ByteBuffer b : chunks) {
            int n = b.remaining();
            b.get(buffer, size, n);
            size += n;
        }
        synchronized (subscriptionLock) {
            if (!body.isDone()) {
                subscription.request(1);
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        if (body.isDone()) {
            return;
        }
        body.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }
}
