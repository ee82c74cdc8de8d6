package dev.oktyv.system.api;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into a byte array of at most {@code limitBytes}, asking for one chunk at a time. Past the
 * limit it cancels the subscription (which closes the exchange) and fails with {@link ResponseTooLargeException},
 * so a body of any size costs at most the limit in memory. {@code BodyHandlers.ofByteArray} has no limit: a
 * 768 MiB body took a 256 MiB client down with OutOfMemoryError.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    private final String what;
    private final long limitBytes;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private byte[] buffer = new byte[0];
    private int size;

    BoundedBodySubscriber(String what, long limitBytes) {
        this.what = what;
        this.limitBytes = limitBytes;
    }

    /** Refuses an announced length over the limit before reading any of the body. */
    static HttpResponse.BodyHandler<byte[]> handler(String what, long limitBytes) {
        return info -> {
            long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (announced > limitBytes) {
                return refusing(what + " (announced as " + announced + " bytes)", limitBytes);
            }
            return new BoundedBodySubscriber(what, limitBytes);
        };
    }

    private static HttpResponse.BodySubscriber<byte[]> refusing(String what, long limitBytes) {
        BoundedBodySubscriber s = new BoundedBodySubscriber(what, limitBytes);
        s.body.completeExceptionally(new ResponseTooLargeException("the response body of " + what, limitBytes));
        s.buffer = null;
        return s;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (body.isDone()) {
            s.cancel();
        } else {
            s.request(1);
        }
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
            subscription.cancel();
            buffer = null;
            body.completeExceptionally(new ResponseTooLargeException("the response body of " + what, limitBytes));
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
        subscription.request(1);
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
