package dev.oktyv.system.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: a writer enqueues its record, then takes the leader lock. If an earlier leader already made
 * its record durable it just returns; otherwise it becomes the leader and commits everything queued so far
 * with one append and one fsync. While a leader waits for its fsync, the writers arriving behind it pile up in
 * the queue and the next leader commits them together, so N concurrent {@code set}s share one fsync instead of
 * paying N.
 */
final class GroupCommitter {

    interface BatchWriter {
        /** Makes the batch durable and completes (or fails) every entry. */
        void commit(List<PendingWrite> batch);
    }

    private final ReentrantLock leader = new ReentrantLock();
    private final ConcurrentLinkedQueue<PendingWrite> queue = new ConcurrentLinkedQueue<>();
    private final BatchWriter writer;

    GroupCommitter(BatchWriter writer) {
        this.writer = writer;
    }

    /** Writers waiting for a leader (for tests). */
    int queued() {
        return queue.size();
    }

    /** Blocks until {@code write} is durable and returns whether its key existed before. */
    boolean submit(PendingWrite write) {
        queue.add(write);
        leader.lock();
        try {
            if (!write.isDone()) {
                List<PendingWrite> batch = new ArrayList<>();
                for (PendingWrite p; (p = queue.poll()) != null; ) {
                    batch.add(p);
                }
                try {
                    writer.commit(batch);
                } catch (Throwable t) {
                    // Every batch member must learn the outcome, or its owner would report success.
                    RuntimeException e = t instanceof RuntimeException r ? r
                            : new VaultException("commit failed: " + t, t);
                    for (PendingWrite p : batch) {
                        if (!p.isDone()) {
                            p.fail(e);
                        }
                    }
                    if (t instanceof Error err) {
                        throw err;
                    }
                } finally {
                    batch.forEach(PendingWrite::wipe);
                }
            }
        } finally {
            leader.unlock();
        }
        return write.result();
    }
}
