package dev.oktyv.system.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Groups submitted items into batches and hands each batch to a {@link BatchHandler}: a batch is flushed when
 * {@code maxBatchSize} items are pending or {@code maxWait} after its first item arrived, whichever is first.
 * Every future returned by {@link #submit} completes: normally when its batch was handled, exceptionally with
 * {@link BatchFailedException} when the handler threw, or with {@link IllegalStateException} when submitted
 * after {@link #close()}.
 *
 * <p>The two bugs of the original are designed out here:
 * <ul>
 *   <li>Hang after a size flush: each batch ("generation") gets its own timer, armed by the item that finds the
 *       buffer empty. A size flush cancels that timer and bumps the generation, so the next item arms a fresh
 *       timer instead of relying on one that was already cancelled or spent.</li>
 *   <li>Unsettled failed batches: the handler call is wrapped so that any {@link Throwable} settles all futures
 *       of the batch before anything else happens.</li>
 * </ul>
 * A size-triggered batch is handled on the submitting thread (natural back-pressure); a time-triggered one on
 * the timer's thread. Thread-safe.
 */
public final class Batcher<T> implements AutoCloseable {

    private record Pending<T>(T item, CompletableFuture<Void> future) {
    }

    private final BatcherConfig config;
    private final BatchHandler<T> handler;
    private final BatchTimer timer;
    private final Object lock = new Object();

    private List<Pending<T>> pending = new ArrayList<>();
    private BatchTimer.Scheduled scheduled;
    private long generation;
    private boolean closed;

    public Batcher(BatcherConfig config, BatchHandler<T> handler, BatchTimer timer) {
        this.config = Objects.requireNonNull(config, "config");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    public CompletableFuture<Void> submit(T item) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        List<Pending<T>> full = null;
        synchronized (lock) {
            if (closed) {
                future.completeExceptionally(new IllegalStateException("batcher is closed; item not accepted"));
                return future;
            }
            pending.add(new Pending<>(item, future));
            if (pending.size() >= config.maxBatchSize()) {
                full = takeLocked();
            } else if (pending.size() == 1) {
                long armedFor = generation;
                scheduled = timer.schedule(config.maxWait(), () -> flushIfStill(armedFor));
            }
        }
        if (full != null) {
            handle(full);
        }
        return future;
    }

    /** Flushes whatever is pending now, on the calling thread. */
    public void flush() {
        List<Pending<T>> batch;
        synchronized (lock) {
            batch = takeLocked();
        }
        handle(batch);
    }

    /** Number of items waiting for a flush. */
    public int pendingCount() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /** Stops accepting items and flushes what is pending, on the calling thread. Idempotent. */
    @Override
    public void close() {
        List<Pending<T>> batch;
        synchronized (lock) {
            closed = true;
            batch = takeLocked();
        }
        handle(batch);
    }

    private void flushIfStill(long armedFor) {
        List<Pending<T>> batch;
        synchronized (lock) {
            // A size flush, an explicit flush or close already took this generation's items.
            if (armedFor != generation || pending.isEmpty()) {
                return;
            }
            batch = takeLocked();
        }
        handle(batch);
    }

    private List<Pending<T>> takeLocked() {
        List<Pending<T>> batch = pending;
        pending = new ArrayList<>();
        generation++;
        if (scheduled != null) {
            scheduled.cancel();
            scheduled = null;
        }
        return batch;
    }

    private void handle(List<Pending<T>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<T> items = new ArrayList<>(batch.size());
        for (Pending<T> p : batch) {
            items.add(p.item());
        }
        Throwable failure = null;
        try {
            handler.handle(java.util.Collections.unmodifiableList(items));
        } catch (Throwable t) {
            failure = t;
        }
        if (failure == null) {
            batch.forEach(p -> p.future().complete(null));
        } else {
            BatchFailedException e = new BatchFailedException(batch.size(), failure);
            batch.forEach(p -> p.future().completeExceptionally(e));
            if (failure instanceof Error err && !(err instanceof AssertionError)) {
                throw err;
            }
        }
    }
}
