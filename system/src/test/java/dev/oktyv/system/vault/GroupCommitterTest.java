package dev.oktyv.system.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {

    /**
     * While the first batch is "in fsync", seven more writers arrive; they must be committed together in one
     * second batch, i.e. share one fsync, and every writer must return only after its own batch committed.
     */
    @Test
    void writersArrivingDuringACommitShareTheNextOne() throws Exception {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        CountDownLatch firstBatchEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        GroupCommitter committer = new GroupCommitter(batch -> {
            batchSizes.add(batch.size());
            if (batchSizes.size() == 1) {
                firstBatchEntered.countDown();
                await(releaseFirstBatch);
            }
            batch.forEach(PendingWrite::complete);
        });
        Thread first = new Thread(() -> committer.submit(put("first")));
        first.start();
        assertThat(firstBatchEntered.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch done = new CountDownLatch(7);
        for (int i = 0; i < 7; i++) {
            String key = "k" + i;
            new Thread(() -> {
                committer.submit(put(key));
                done.countDown();
            }).start();
        }
        // All seven are queued behind the leader; none may have returned before the first batch finished.
        waitUntilQueued(committer, 7);
        assertThat(done.getCount()).isEqualTo(7);
        releaseFirstBatch.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        first.join();
        assertThat(batchSizes).containsExactly(1, 7);
    }

    @Test
    void aFailedBatchFailsEveryWriterInIt() {
        GroupCommitter committer = new GroupCommitter(batch -> {
            throw new VaultException("disk full");
        });
        assertThatThrownBy(() -> committer.submit(put("k"))).hasMessage("disk full");
    }

    private static PendingWrite put(String key) {
        return new PendingWrite(RecordType.PUT, key, new byte[] {1});
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void waitUntilQueued(GroupCommitter committer, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (committer.queued() < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(committer.queued()).isEqualTo(count);
    }
}
