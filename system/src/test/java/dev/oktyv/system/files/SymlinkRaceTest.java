package dev.oktyv.system.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack the path check alone cannot stop: while the store works on {@code d/...}, another process flips the
 * symlink {@code d} between a directory inside the root and one outside it. Checking the path and then opening it
 * are two system calls; the store must still never write or read outside the root.
 */
@EnabledOnOs(OS.LINUX)
class SymlinkRaceTest {

    private static final long RACE_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final byte[] OUTSIDE = "OUTSIDE-SECRET".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void aFlippingSymlinkLeadsNoWriteAndNoReadOutsideTheRoot() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.write(outside.resolve("secret.txt"), OUTSIDE);
        Files.createDirectories(root.resolve("inside"));
        Files.write(root.resolve("inside/secret.txt"), "inside".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(root.resolve("d"), Path.of("inside"));
        ConfinedFileStore store = new ConfinedFileStore(FileStoreConfig.builder(root).fsync(false).build());

        AtomicBoolean stop = new AtomicBoolean();
        Thread flipper = new Thread(() -> {
            Path next = root.resolve("d.next");
            for (long i = 0; !stop.get(); i++) {
                try {
                    Files.deleteIfExists(next);
                    Files.createSymbolicLink(next, i % 2 == 0 ? outside : Path.of("inside"));
                    Files.move(next, root.resolve("d"), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (java.io.IOException e) {
                    // the store may be renaming in the same directory; try again
                }
            }
        }, "symlink-flipper");
        AtomicInteger outsideReads = new AtomicInteger();
        AtomicInteger insideWrites = new AtomicInteger();
        AtomicInteger insideReads = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int worker = t;
            workers.add(new Thread(() -> {
                long end = System.nanoTime() + RACE_NANOS;
                for (int i = 0; System.nanoTime() < end; i++) {
                    try {
                        store.write("d/w-" + worker + "-" + i + ".txt", new byte[] {1});
                        insideWrites.incrementAndGet();
                    } catch (RuntimeException refused) {
                        // refused: fine
                    }
                    try {
                        store.mkdir("d/m-" + worker + "-" + i);
                    } catch (RuntimeException refused) {
                        // refused: fine
                    }
                    try {
                        byte[] read = store.read("d/secret.txt");
                        if (Arrays.equals(read, OUTSIDE)) {
                            outsideReads.incrementAndGet();
                        } else {
                            insideReads.incrementAndGet();
                        }
                    } catch (RuntimeException refused) {
                        // refused: fine
                    }
                }
            }, "store-worker-" + t));
        }
        flipper.start();
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(30));
        }
        stop.set(true);
        flipper.join(TimeUnit.SECONDS.toMillis(30));

        List<String> writtenOutside;
        try (Stream<Path> files = Files.list(outside)) {
            writtenOutside = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("secret.txt")).toList();
        }
        assertThat(writtenOutside).as("files and directories created outside the root").isEmpty();
        assertThat(outsideReads).as("reads that returned the outside file").hasValue(0);
        // The race really ran: operations through the inside link went through while it flipped.
        assertThat(insideWrites.get()).as("writes that succeeded").isPositive();
        assertThat(insideReads.get()).as("reads that succeeded").isPositive();
    }
}
