package dev.oktyv.system.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SecureRoot} holds the root directory open instead of opening it by path for each operation. These pin
 * the choice documented there: the store behaves as if it still opened the root path every time. A root renamed
 * away or removed fails every operation (and nothing is written into the renamed directory); a root replaced by
 * another directory is the new directory for reads, writes and listings alike; a root put back is used again.
 * And the held descriptor is one per store, not one per operation, and is closed once the store is unreachable.
 */
@EnabledOnOs(OS.LINUX)
class HeldRootTest {

    @TempDir
    Path tmp;

    private ConfinedFileStore store(Path root) {
        return new ConfinedFileStore(FileStoreConfig.builder(root).maxFileSizeBytes(1 << 20).build());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRootRenamedAwayFailsEveryOperationAndReceivesNothing() throws IOException {
        Path root = tmp.resolve("root");
        ConfinedFileStore s = store(root);
        s.write("a.txt", utf8("alpha"));
        assertThat(s.read("a.txt")).isEqualTo(utf8("alpha")); // the held root is in use

        Path moved = Files.move(root, tmp.resolve("moved"));

        assertThatThrownBy(() -> s.read("a.txt")).isInstanceOf(FileStoreException.class)
                .hasMessageContaining("NoSuchFileException").hasMessageNotContaining(tmp.toString());
        assertThatThrownBy(() -> s.write("b.txt", utf8("beta"))).isInstanceOf(FileStoreException.class);
        assertThatThrownBy(() -> s.move("a.txt", "c.txt")).isInstanceOf(FileStoreException.class);
        assertThatThrownBy(() -> s.mkdir("d")).isInstanceOf(FileStoreException.class);
        assertThat(s.delete("a.txt")).isFalse();
        try (Stream<Path> left = Files.list(moved)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("a.txt");
        }
        assertThat(Files.readAllBytes(moved.resolve("a.txt"))).isEqualTo(utf8("alpha"));

        Files.move(moved, root); // put back: the held directory is the root path's again
        assertThat(s.read("a.txt")).isEqualTo(utf8("alpha"));
        s.write("b.txt", utf8("beta"));
        assertThat(Files.readAllBytes(root.resolve("b.txt"))).isEqualTo(utf8("beta"));
    }

    @Test
    void aRootReplacedByAnotherDirectoryIsTheNewDirectoryForEveryOperation() throws IOException {
        Path root = tmp.resolve("root");
        ConfinedFileStore s = store(root);
        s.mkdir("sub");
        s.write("sub/a.txt", utf8("old"));
        assertThat(s.read("sub/a.txt")).isEqualTo(utf8("old"));

        Path old = Files.move(root, tmp.resolve("old-root"));
        Files.createDirectories(root.resolve("sub"));
        Files.write(root.resolve("sub/a.txt"), utf8("new"));

        assertThat(s.read("sub/a.txt")).isEqualTo(utf8("new"));
        s.write("sub/b.txt", utf8("written after the swap"));
        assertThat(Files.exists(root.resolve("sub/b.txt"))).isTrue();
        assertThat(Files.exists(old.resolve("sub/b.txt"))).isFalse();
        assertThat(s.list("sub")).extracting(FileEntry::name).containsExactly("a.txt", "b.txt");
        s.move("sub/b.txt", "c.txt");
        assertThat(Files.exists(root.resolve("c.txt"))).isTrue();
        assertThat(s.delete("c.txt")).isTrue();
        assertThat(Files.readAllBytes(old.resolve("sub/a.txt"))).isEqualTo(utf8("old"));
    }

    @Test
    void aRemovedRootFailsOperationsUntilADirectoryIsMadeAgainAtItsPath() throws IOException {
        Path root = tmp.resolve("root");
        ConfinedFileStore s = store(root);
        s.write("a.txt", utf8("alpha"));
        Files.delete(root.resolve("a.txt"));
        Files.delete(root);

        assertThatThrownBy(() -> s.read("a.txt")).isInstanceOf(FileStoreException.class);
        assertThatThrownBy(() -> s.write("a.txt", utf8("again"))).isInstanceOf(FileStoreException.class);
        assertThat(Files.exists(root)).isFalse();

        // Made again at the same path. On ext4 a freed inode number is handed out again at once; the held
        // descriptor keeps the removed directory's inode allocated, so the new one cannot have its number and the
        // store must see a replaced root, not "the same" one whose descriptor now points nowhere.
        Files.createDirectory(root);
        s.write("a.txt", utf8("again"));
        assertThat(Files.readAllBytes(root.resolve("a.txt"))).isEqualTo(utf8("again"));
        assertThat(s.read("a.txt")).isEqualTo(utf8("again"));
    }

    @Test
    void threadsShareTheHeldRoot() throws Exception {
        ConfinedFileStore s = store(tmp.resolve("root"));
        s.mkdir("d");
        int threads = 4;
        int rounds = 300;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String name = "d/t" + t + ".txt";
                done.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < rounds; i++) {
                        byte[] data = utf8(name + "#" + i);
                        s.write(name, data);
                        if (java.util.Arrays.equals(s.read(name), data)) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (java.util.concurrent.Future<Integer> f : done) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(rounds);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(s.list("d")).hasSize(threads);
    }

    @Test
    void operationsOpenNoDescriptorThatOutlivesThem() throws IOException {
        // No fsync: the descriptors are the point, not the disk (500 synced writes took 14 s on a loaded machine).
        ConfinedFileStore s = new ConfinedFileStore(FileStoreConfig.builder(tmp.resolve("root")).fsync(false).build());
        s.mkdir("x/y");
        s.write("x/y/f.bin", new byte[100]);
        s.read("x/y/f.bin"); // the first operation may load classes that open files
        long before = openDescriptors();
        for (int i = 0; i < 500; i++) {
            s.read("x/y/f.bin");
            s.write("x/y/g.bin", new byte[10]);
        }
        assertThat(openDescriptors()).isLessThanOrEqualTo(before);
    }

    @Test
    void theHeldRootIsClosedOnceTheStoreIsUnreachable() throws Exception {
        long before = openDescriptors();
        List<ConfinedFileStore> stores = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            stores.add(store(tmp.resolve("r" + i)));
        }
        assertThat(openDescriptors()).isGreaterThanOrEqualTo(before + 50); // one held root each
        stores.clear();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long now = openDescriptors();
        while (now >= before + 50 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
            now = openDescriptors();
        }
        // Slack for descriptors the JVM opens meanwhile (class files, the GC); 50 leaked ones are far above it.
        assertThat(now).isLessThan(before + 10);
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
