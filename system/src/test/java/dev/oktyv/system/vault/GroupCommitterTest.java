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

    /**
     * Followers wait for their own batch's commit, not for a lock: while the commit carrying them is still in
     * progress none of them may return (that would acknowledge a write before it is durable), and once it has
     * finished they all return even though the next batch's commit is still in progress.
     */
    @Test
    void followersReturnExactlyWhenTheirBatchCommitted() throws Exception {
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        List<CountDownLatch> entered = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        List<CountDownLatch> release = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        GroupCommitter committer = new GroupCommitter(batch -> {
            int index = batches.size();
            batches.add(batch.stream().map(w -> w.key).toList());
            entered.get(index).countDown();
            await(release.get(index));
            batch.forEach(PendingWrite::complete);
        });
        Thread first = start(committer, "first", new CountDownLatch(1));
        await(entered.get(0));
        CountDownLatch secondDone = new CountDownLatch(3);
        List<Thread> second = List.of(start(committer, "a", secondDone), start(committer, "b", secondDone),
                start(committer, "c", secondDone));
        waitUntilQueued(committer, 3);
        release.get(0).countDown();
        await(entered.get(1));
        CountDownLatch thirdDone = new CountDownLatch(1);
        Thread third = start(committer, "late", thirdDone);
        waitUntilQueued(committer, 1);
        assertThat(secondDone.getCount()).as("returned while their commit was in progress").isEqualTo(3);
        release.get(1).countDown();
        await(entered.get(2));
        assertThat(secondDone.await(10, TimeUnit.SECONDS)).as("returned once their batch committed").isTrue();
        assertThat(thirdDone.getCount()).isEqualTo(1);
        release.get(2).countDown();
        assertThat(thirdDone.await(10, TimeUnit.SECONDS)).isTrue();
        first.join();
        for (Thread t : second) {
            t.join();
        }
        third.join();
        assertThat(batches).hasSize(3);
        assertThat(batches.get(1)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(batches.get(2)).containsExactly("late");
    }

    @Test
    void aFailedBatchFailsEveryWriterInIt() {
        GroupCommitter committer = new GroupCommitter(batch -> {
            throw new VaultException("disk full");
        });
        assertThatThrownBy(() -> committer.submit(put("k"))).hasMessage("disk full");
    }

    private static Thread start(GroupCommitter committer, String key, CountDownLatch done) {
        Thread t = new Thread(() -> {
            committer.submit(put(key));
            done.countDown();
        });
        t.start();
        return t;
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
