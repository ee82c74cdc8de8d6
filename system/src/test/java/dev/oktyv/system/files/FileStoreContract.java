package dev.oktyv.system.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link FileStore} backend shares, run against each (local directory, S3 bucket). A backend's
 * test supplies a fresh, empty store per test and access to one "sentinel" file just outside the store's root or
 * prefix, where a {@code ../sentinel.txt} escape would land.
 */
public abstract class FileStoreContract {

    protected static final byte[] SENTINEL = "do not touch\n".getBytes(StandardCharsets.UTF_8);

    /** A fresh empty store whose writes are limited to {@code maxFileSizeBytes}. */
    protected abstract FileStore store(long maxFileSizeBytes) throws Exception;

    /** Writes {@link #SENTINEL} as {@code sentinel.txt} next to (outside) the root of the last store made. */
    protected abstract void plantSentinel() throws Exception;

    /** The sentinel's bytes now, or null when it is gone. */
    protected abstract byte[] sentinelNow() throws Exception;

    /** A streamed write this backend treats specially (e.g. a multipart upload on S3); 64 KiB by default. */
    protected int largeSize() {
        return 64 * 1024;
    }

    private FileStore store() throws Exception {
        return store(100L << 20);
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void roundTripOfBytesAndStreamsAtAnyDepth() throws Exception {
        FileStore s = store();
        byte[] small = bytes(1000, 1);
        byte[] large = bytes(largeSize(), 2);
        s.write("a.bin", small);
        assertThat(s.write("deep/er/b.bin", new ByteArrayInputStream(large))).isEqualTo(large.length);
        s.write("empty.bin", new byte[0]);
        assertThat(s.read("a.bin")).isEqualTo(small);
        assertThat(s.read("deep/er/b.bin")).isEqualTo(large);
        assertThat(s.read("deep/./er/../er/b.bin")).as("same name after normalisation").isEqualTo(large);
        assertThat(s.read("empty.bin")).isEmpty();
    }

    @Test
    void overwriteReplacesTheWholeContent() throws Exception {
        FileStore s = store();
        s.write("f.txt", bytes(5000, 3));
        byte[] second = bytes(10, 4);
        s.write("f.txt", second);
        assertThat(s.read("f.txt")).isEqualTo(second);
    }

    @Test
    void deleteRemovesAndReportsWhetherSomethingWasThere() throws Exception {
        FileStore s = store();
        s.write("gone.txt", new byte[] {1});
        assertThat(s.exists("gone.txt")).isTrue();
        assertThat(s.delete("gone.txt")).isTrue();
        assertThat(s.exists("gone.txt")).isFalse();
        assertThat(s.delete("gone.txt")).isFalse();
        assertThatThrownBy(() -> s.read("gone.txt")).isInstanceOf(FileStoreException.class)
                .hasMessageContaining("'gone.txt'").hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void listShowsFilesAndDirectoriesDirectlyBelowSortedByName() throws Exception {
        FileStore s = store();
        s.write("d/y.txt", new byte[3]);
        s.write("d/x.txt", new byte[2]);
        s.write("d/sub/z.txt", new byte[1]);
        s.write("top.txt", new byte[1]);
        List<FileEntry> entries = s.list("d");
        assertThat(entries).extracting(FileEntry::name).containsExactly("sub", "x.txt", "y.txt");
        assertThat(entries).extracting(FileEntry::type).containsExactly(FileType.DIRECTORY, FileType.FILE, FileType.FILE);
        assertThat(entries.get(1).sizeBytes()).isEqualTo(2);
        assertThat(entries.get(2).sizeBytes()).isEqualTo(3);
        assertThat(s.list(".")).extracting(FileEntry::name).containsExactly("d", "top.txt");
        assertThatThrownBy(() -> s.list("no-such-dir")).isInstanceOf(FileStoreException.class);
    }

    @Test
    void statGivesTypeAndSize() throws Exception {
        FileStore s = store();
        s.write("dir/f.bin", new byte[1234]);
        FileStat f = s.stat("dir/f.bin");
        assertThat(f.type()).isEqualTo(FileType.FILE);
        assertThat(f.sizeBytes()).isEqualTo(1234);
        assertThat(f.path()).isEqualTo("dir/f.bin");
        assertThat(f.lastModified()).isNotNull();
        assertThat(s.stat("dir").type()).isEqualTo(FileType.DIRECTORY);
        assertThatThrownBy(() -> s.stat("missing.bin")).isInstanceOf(FileStoreException.class)
                .hasMessageContaining("'missing.bin'").hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void copyDuplicatesAndKeepsTheSource() throws Exception {
        FileStore s = store();
        byte[] data = bytes(7777, 5);
        s.write("src.bin", data);
        assertThat(s.copy("src.bin", "copies/dst.bin")).isEqualTo(data.length);
        assertThat(s.read("copies/dst.bin")).isEqualTo(data);
        assertThat(s.read("src.bin")).isEqualTo(data);
        assertThatThrownBy(() -> s.copy("missing.bin", "x.bin")).isInstanceOf(FileStoreException.class);
        assertThat(s.exists("x.bin")).isFalse();
    }

    @Test
    void hashMatchesTheJdkDigestOfTheBytes() throws Exception {
        FileStore s = store();
        byte[] data = bytes(300_000, 6);
        s.write("h.bin", data);
        for (HashAlgorithm a : HashAlgorithm.values()) {
            Digest d = s.hash("h.bin", a);
            assertThat(d.hex()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance(a.jcaName()).digest(data)));
            assertThat(d.bytesHashed()).isEqualTo(data.length);
        }
    }

    @Test
    void sizeLimitRefusesBytesStreamsAndCopiesAndLeavesNothingBehind() throws Exception {
        int max = largeSize();
        FileStore s = store(max);
        s.write("keep.bin", new byte[] {9});
        assertThatThrownBy(() -> s.write("big.bin", new byte[max + 1])).isInstanceOf(FileTooLargeException.class);
        assertThatThrownBy(() -> s.write("keep.bin", new ByteArrayInputStream(bytes(max + max / 2, 7))))
                .isInstanceOf(FileTooLargeException.class);
        assertThat(s.exists("big.bin")).isFalse();
        assertThat(s.read("keep.bin")).as("previous content untouched").containsExactly(9);
        s.write("exact.bin", new byte[max]);
        assertThat(s.stat("exact.bin").sizeBytes()).isEqualTo(max);
    }

    @Test
    void traversalCorpusIsRefusedByEveryOperationAndTheSentinelSurvives() throws Exception {
        FileStore s = store();
        plantSentinel();
        s.write("inside.txt", new byte[] {1});
        List<String> notRejected = new ArrayList<>();
        for (String attempt : TraversalCorpusTest.stringCorpus(Path.of("/tmp/oktyv-no-such-dir/sentinel.txt"))) {
            List<Consumer<String>> operations = List.of(
                    p -> s.write(p, "overwritten".getBytes(StandardCharsets.UTF_8)),
                    p -> s.write(p, new ByteArrayInputStream(new byte[10])),
                    p -> s.read(p),
                    p -> s.delete(p),
                    p -> s.stat(p),
                    p -> s.exists(p),
                    p -> s.hash(p, HashAlgorithm.SHA_256),
                    p -> s.copy("inside.txt", p),
                    p -> s.copy(p, "copied.txt"),
                    p -> s.list(p));
            for (Consumer<String> op : operations) {
                Throwable t = catchThrowable(() -> op.accept(attempt));
                if (!(t instanceof PathOutsideRootException e) || !e.relativePath().equals(attempt)) {
                    notRejected.add(attempt + " -> " + t);
                }
            }
        }
        assertThat(notRejected).isEmpty();
        assertThat(sentinelNow()).isEqualTo(SENTINEL);
        assertThat(s.list(".")).extracting(FileEntry::name).containsExactly("inside.txt");
    }
}
