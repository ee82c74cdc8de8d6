package dev.oktyv.system.vault;

import static dev.oktyv.system.vault.TestVaults.passphrase;
import static dev.oktyv.system.vault.TestVaults.reveal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.secret.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultConcurrencyTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS = 10_000;
    private static final int KEYS_PER_THREAD = 25;

    @TempDir
    Path dir;

    /**
     * Each thread owns its keys and keeps a model of them, so after the storm the vault must equal the union
     * of the models exactly; any write lost or misapplied by batching shows up as a difference. Every read is
     * checked against the model too (read-your-writes under concurrency).
     */
    @Test
    void eightThreadsTimesTenThousandMixedOperationsLoseNoUpdate() throws Exception {
        Map<String, String> expected = new ConcurrentHashMap<>();
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("storm", passphrase());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Map<String, String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> storm(v, thread)));
            }
            for (Future<Map<String, String>> f : results) {
                expected.putAll(f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(contents(v)).isEqualTo(expected);
        }
        try (VaultManager m = TestVaults.manager(dir)) {
            assertThat(contents(m.open("storm", passphrase()))).isEqualTo(expected);
        }
    }

    private static Map<String, String> storm(Vault v, int thread) {
        SplittableRandom random = new SplittableRandom(thread);
        Map<String, String> model = new HashMap<>();
        for (int i = 0; i < OPERATIONS; i++) {
            String key = "t" + thread + ".k" + random.nextInt(KEYS_PER_THREAD);
            int dice = random.nextInt(100);
            if (dice < 70) {
                assertThat(reveal(v, key)).as(key).isEqualTo(model.get(key));
            } else if (dice < 75) {
                assertThat(v.exists(key)).as(key).isEqualTo(model.containsKey(key));
            } else if (dice < 94) {
                String value = "v" + thread + "-" + i;
                v.set(key, Secret.of(value));
                model.put(key, value);
            } else {
                assertThat(v.delete(key)).as(key).isEqualTo(model.remove(key) != null);
            }
        }
        return model;
    }

    private static Map<String, String> contents(Vault v) {
        Map<String, String> all = new HashMap<>();
        for (String key : v.list()) {
            all.put(key, reveal(v, key));
        }
        return all;
    }

    /**
     * Two instances of one vault stand for two processes: each appends while the other's in-memory image gets
     * stale, and one of them compacts (replaces the file) underneath the other.
     */
    @Test
    void twoInstancesOfOneVaultSeeEachOthersWritesAndCompactions() {
        try (VaultManager m1 = TestVaults.manager(dir); VaultManager m2 = TestVaults.manager(dir)) {
            Vault a = m1.create("shared", passphrase());
            Vault b = m2.open("shared", passphrase());
            a.set("from-a", Secret.of("1"));
            b.set("from-b", Secret.of("2"));
            assertThat(b.list()).containsExactly("from-a", "from-b");
            a.refresh();
            assertThat(a.list()).containsExactly("from-a", "from-b");
            String big = "x".repeat(100 * 1024);
            for (int i = 0; i < 8; i++) {
                a.set("big", Secret.of(big + i)); // compacts at least once
            }
            b.delete("from-a");
            b.set("from-b", Secret.of("3"));
            assertThat(reveal(b, "big")).isEqualTo(big + 7);
            a.refresh();
            assertThat(a.list()).containsExactly("big", "from-b");
            assertThat(reveal(a, "from-b")).isEqualTo("3");
        }
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.open("shared", passphrase());
            assertThat(v.list()).containsExactly("big", "from-b");
        }
    }
}
