package dev.oktyv.system.vault;

import dev.oktyv.system.time.NanoClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: a writer joins the open batch; if no commit is under way it leads that batch (one append, one
 * fdatasync for every write in it), while writers arriving meanwhile fill the next batch. A follower waits on its
 * own batch's completion, never on a lock the leader holds, and the mutex here guards only the bookkeeping.
 *
 * <p>Why batches used to stay small (1.97 sets per fsync with 4 writers before, 2.4 with the
 * plain classic scheme; docs/vault.md): the earlier design
 * made each finished follower take the leader lock in turn just to learn it was done, and, more importantly, with
 * N writers in a loop the classic scheme settles into two alternating halves: the writers of batch k come back
 * while batch k+1 (the other half) is already in its fsync, so every fsync carries about N/2 writes. Hence the
 * gather window: a new leader that saw more distinct writers in the previous batch and its own than its batch
 * holds waits, up to half the recent commit time (and at most {@link #MAX_GATHER_NANOS}), for them to come back
 * before it closes the batch. A lone writer never waits; a writer that does not come back costs at most that
 * bound once, as PostgreSQL's {@code commit_delay} does.
 */
final class GroupCommitter {

    interface BatchWriter {
        /** Makes the batch durable and completes (or fails) every entry. */
        void commit(List<PendingWrite> batch);
    }

    /** A gather window never exceeds this, whatever a slow disk's fsync takes. */
    static final long MAX_GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Writes that share one commit; {@code turn} signals both "done" and "you may lead" to its members. */
    private static final class Batch {
        final List<PendingWrite> writes = new ArrayList<>();
        final Set<Thread> writers = new HashSet<>();
        final Condition turn;
        boolean done;

        Batch(ReentrantLock mutex) {
            turn = mutex.newCondition();
        }
    }

    private final ReentrantLock mutex = new ReentrantLock();
    /** Wakes a gathering leader when its batch has grown. */
    private final Condition grown = mutex.newCondition();
    private final BatchWriter writer;
    private final NanoClock clock;
    private final boolean gather;
    private Batch open = new Batch(mutex);
    private Set<Thread> previousWriters = Set.of();
    private boolean committing;
    /** Smoothed duration of a commit (mostly its fdatasync); the gather window is half of it. */
    private long commitNanosAverage;

    /** With the gather window, timed on the system clock. */
    GroupCommitter(BatchWriter writer) {
        this(writer, NanoClock.SYSTEM, true);
    }

    /** @param gather false turns the gather window off: the plain classic scheme, for tests and comparison */
    GroupCommitter(BatchWriter writer, NanoClock clock, boolean gather) {
        this.writer = writer;
        this.clock = clock;
        this.gather = gather;
    }

    /** Writers in the open batch, i.e. not yet taken by a leader (for tests). */
    int queued() {
        mutex.lock();
        try {
            return open.writes.size();
        } finally {
            mutex.unlock();
        }
    }

    /** Blocks until {@code write} is durable and returns whether its key existed before. */
    boolean submit(PendingWrite write) {
        Batch mine;
        mutex.lock();
        try {
            mine = open;
            mine.writes.add(write);
            mine.writers.add(Thread.currentThread());
            grown.signal();
            while (committing && !mine.done) {
                mine.turn.awaitUninterruptibly();
            }
            if (mine.done) {
                // Completed by a leader that set done under this mutex: its writes to `write` are visible.
                return write.result();
            }
            // No commit under way and this batch not done, so it is still the open one: lead it.
            committing = true;
            gatherStragglers(mine);
            open = new Batch(mutex);
        } finally {
            mutex.unlock();
        }
        long started = clock.nanoTime();
        try {
            commit(mine.writes);
        } finally {
            long took = clock.nanoTime() - started;
            mutex.lock();
            try {
                commitNanosAverage = commitNanosAverage == 0 ? took : (commitNanosAverage * 7 + took) / 8;
                previousWriters = mine.writers;
                mine.done = true;
                committing = false;
                mine.turn.signalAll();
                open.turn.signal(); // one writer of the next batch leads it; a newcomer may beat it, also fine
            } finally {
                mutex.unlock();
            }
        }
        return write.result();
    }

    /**
     * Under the mutex, with {@code committing} set so newcomers join {@code mine} and wait: waits until the batch
     * holds every writer of the previous batch and this one, or the window ends.
     */
    private void gatherStragglers(Batch mine) {
        if (!gather) {
            return;
        }
        Set<Thread> expected = new HashSet<>(previousWriters);
        expected.addAll(mine.writers);
        long window = Math.min(MAX_GATHER_NANOS, commitNanosAverage / 2);
        if (expected.size() <= mine.writes.size() || window <= 0) {
            return;
        }
        long deadline = clock.nanoTime() + window;
        long left = window;
        while (mine.writes.size() < expected.size() && left > 0) {
            try {
                grown.awaitNanos(left);
            } catch (InterruptedException e) {
                // Stop gathering and keep the flag: the commit then fails as it would have without the window
                // (NIO closes the channel under an interrupted writer; the store reopens it for the next batch).
                Thread.currentThread().interrupt();
                return;
            }
            expected.addAll(mine.writers);
            left = deadline - clock.nanoTime();
        }
    }

    private void commit(List<PendingWrite> batch) {
        try {
            writer.commit(batch);
        } catch (Throwable t) {
            // Every batch member must learn the outcome, or its owner would report success.
            RuntimeException e = t instanceof RuntimeException r ? r : new VaultException("commit failed: " + t, t);
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
}
