package dev.oktyv.system.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.monitoring.MetricKey;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.secret.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group-commit counters count real fdatasyncs and the records they carried, and reach /metrics. */
class VaultCommitStatsTest {

    @TempDir
    Path dir;

    @Test
    void oneWriterPaysOneCommitPerWriteAndAnAbsentDeleteWritesNothing() {
        MetricsCollector metrics = new MetricsCollector();
        try (VaultManager m = new VaultManager(dir, TestVaults.TEST_KDF, NonceSource.strong(), metrics)) {
            Vault v = m.create("stats", TestVaults.passphrase());
            assertThat(v.commitStats().recordsPerCommit()).isNaN();
            v.set("a", Secret.of("1"));
            v.set("b", Secret.of("2"));
            v.delete("a");
            assertThat(v.delete("never-there")).isFalse();
            assertThat(v.commitStats()).isEqualTo(new VaultCommitStats(3, 3));
            assertThat(metrics.findCounter(MetricKey.of(CommitCounters.COMMITS, "vault", "stats")).orElseThrow()
                    .value()).isEqualTo(3);
            assertThat(metrics.findCounter(MetricKey.of(CommitCounters.RECORDS, "vault", "stats")).orElseThrow()
                    .value()).isEqualTo(3);
        }
    }

    /**
     * While the first commit's fdatasync is held, seven writers queue; they must share the next commit, so the
     * vault counts 2 fdatasyncs for 8 records. The sync counter is checked against the file's own syncs.
     */
    @Test
    void writersQueuedBehindAnFsyncShareTheNextOne() throws Exception {
        CountDownLatch firstSync = new CountDownLatch(1);
        CountDownLatch releaseFirstSync = new CountDownLatch(1);
        List<Integer> syncs = new ArrayList<>();
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("group", TestVaults.passphrase());
            VaultCommitStats before = v.commitStats();
            v.store().file().observer = new VaultFile.Observer() {
                @Override
                public void wrote(long position, int length) {
                }

                @Override
                public void forced() {
                    synchronized (syncs) {
                        syncs.add(syncs.size());
                    }
                    firstSync.countDown();
                    try {
                        releaseFirstSync.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            List<Thread> writers = new ArrayList<>();
            writers.add(writer(v, "first"));
            assertThat(firstSync.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 7; i++) {
                writers.add(writer(v, "k" + i));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (v.queuedWrites() < 7 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(v.queuedWrites()).isEqualTo(7);
            releaseFirstSync.countDown();
            for (Thread t : writers) {
                t.join(TimeUnit.SECONDS.toMillis(10));
                assertThat(t.isAlive()).isFalse();
            }
            VaultCommitStats during = v.commitStats().since(before);
            assertThat(during).isEqualTo(new VaultCommitStats(2, 8));
            assertThat(during.recordsPerCommit()).isEqualTo(4.0);
            assertThat(syncs).hasSize(2);
            for (int i = 0; i < 7; i++) {
                assertThat(TestVaults.reveal(v, "k" + i)).isEqualTo("v-k" + i);
            }
        }
    }

    private static Thread writer(Vault v, String key) {
        Thread t = new Thread(() -> v.set(key, Secret.of("v-" + key)));
        t.start();
        return t;
    }
}
