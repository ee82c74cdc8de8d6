package dev.oktyv.system.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traversal corpus: every attempt must be refused with {@link PathOutsideRootException} naming the path as
 * given, by every operation; afterwards the sentinel outside the root is byte-for-byte and mtime unchanged and
 * nothing new appeared outside the root.
 */
class TraversalCorpusTest {

    @TempDir
    Path outside;
    private Path root;
    private Path sentinel;
    private byte[] sentinelBytes;
    private FileTime sentinelMtime;
    private ConfinedFileStore store;

    @BeforeEach
    void setUp() throws Exception {
        root = outside.resolve("root");
        sentinel = outside.resolve("sentinel.txt");
        sentinelBytes = "do not touch\n".getBytes(StandardCharsets.UTF_8);
        Files.write(sentinel, sentinelBytes);
        Files.setLastModifiedTime(sentinel, FileTime.fromMillis(1_600_000_000_000L));
        sentinelMtime = Files.getLastModifiedTime(sentinel);
        store = new ConfinedFileStore(FileStoreConfig.builder(root).build());
        Files.createDirectories(root.resolve("inner"));
        Files.createSymbolicLink(root.resolve("link-out"), outside);
        Files.createSymbolicLink(root.resolve("link-file"), sentinel);
        Files.createSymbolicLink(root.resolve("inner/link-up"), Path.of("../.."));
        Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("created-through-link.txt"));
    }

    static List<String> stringCorpus(Path sentinel) {
        return List.of(
                "../sentinel.txt",
                "a/../../sentinel.txt",
                "./../sentinel.txt",
                "..//sentinel.txt",
                "a/b/../../../sentinel.txt",
                "/etc/passwd",
                sentinel.toString(),
                // percent-encoded, single and repeated
                "%2e%2e/sentinel.txt",
                "%2E%2E%2Fsentinel.txt",
                "..%2fsentinel.txt",
                ".%2e/sentinel.txt",
                "%252e%252e/sentinel.txt",
                "%25252e%25252e%25252fsentinel.txt",
                "%2fetc%2fpasswd",
                // overlong UTF-8 for '.' and '/'
                "%c0%ae%c0%ae/sentinel.txt",
                "%c0%ae%c0%ae%c0%afsentinel.txt",
                "%e0%80%ae%e0%80%ae/sentinel.txt",
                "..%c0%afsentinel.txt",
                "%25c0%25ae%25c0%25ae/sentinel.txt",
                // full-width and other compatibility dots / slashes (NFKC)
                "\uFF0E\uFF0E/sentinel.txt",
                "\uFF0E\uFF0E\uFF0Fsentinel.txt",
                "%ef%bc%8e%ef%bc%8e/sentinel.txt",
                "\u2024\u2024/sentinel.txt",
                "\uFE52\uFE52/sentinel.txt",
                // backslashes and Windows forms
                "..\\sentinel.txt",
                "a\\..\\..\\sentinel.txt",
                "..%5csentinel.txt",
                "%2e%2e%5c%2e%2e%5csentinel.txt",
                "%5c..%5csentinel.txt",
                "\\\\server\\share\\sentinel.txt",
                "C:\\Windows\\win.ini",
                "c:/sentinel.txt",
                "~root/.ssh/id_rsa",
                // NUL bytes, raw and encoded
                "sentinel.txt\u0000.png",
                "ok/%00/../../sentinel.txt");
    }

    static final List<String> SYMLINK_CORPUS = List.of(
            "link-out/sentinel.txt",
            "link-out/new-file.txt",
            "link-file",
            "inner/link-up/sentinel.txt",
            "dangling");

    static final List<String> ZIP_SLIP_CORPUS = List.of(
            "../sentinel.txt",
            "../../escaped.txt",
            "/tmp/oktyv-zip-slip-absolute.txt",
            "a/../../sentinel.txt",
            "..\\sentinel.txt",
            "%2e%2e/sentinel.txt",
            "\uFF0E\uFF0E/sentinel.txt");

    @Test
    void everyAttemptIsRejectedByEveryOperationAndTheSentinelIsUnchanged() throws Exception {
        List<String> attempts = new ArrayList<>(stringCorpus(sentinel));
        attempts.addAll(SYMLINK_CORPUS);
        assertThat(attempts.size() + ZIP_SLIP_CORPUS.size()).isGreaterThanOrEqualTo(30);
        List<String> notRejected = new ArrayList<>();
        store.write("inside.txt", new byte[] {1});
        for (String attempt : attempts) {
            List<Consumer<String>> operations = List.of(
                    p -> store.write(p, "overwritten".getBytes(StandardCharsets.UTF_8)),
                    p -> store.write(p, new ByteArrayInputStream(new byte[10])),
                    p -> store.read(p),
                    p -> store.delete(p),
                    p -> store.mkdir(p),
                    p -> store.stat(p),
                    p -> store.exists(p),
                    p -> store.hash(p, HashAlgorithm.SHA_256),
                    p -> store.copy("inside.txt", p),
                    p -> store.copy(p, "copied.txt"),
                    p -> store.list(p));
            for (Consumer<String> op : operations) {
                Throwable t = catchThrowable(() -> op.accept(attempt));
                if (!(t instanceof PathOutsideRootException e) || !e.relativePath().equals(attempt)) {
                    notRejected.add(attempt + " -> " + t);
                }
            }
        }
        for (String entry : ZIP_SLIP_CORPUS) {
            String zipName = "slip-" + ZIP_SLIP_CORPUS.indexOf(entry) + ".zip";
            store.write(zipName, Zips.single(entry, "pwned".getBytes(StandardCharsets.UTF_8)));
            Throwable t = catchThrowable(() -> store.extract(zipName, "out-" + zipName));
            if (!(t instanceof PathOutsideRootException e) || !e.relativePath().equals(entry)) {
                notRejected.add("zip entry " + entry + " -> " + t);
            }
            assertThat(store.exists("out-" + zipName)).as("rolled back").isFalse();
        }
        assertThat(notRejected).isEmpty();

        assertThat(Files.readAllBytes(sentinel)).isEqualTo(sentinelBytes);
        assertThat(Files.getLastModifiedTime(sentinel)).isEqualTo(sentinelMtime);
        try (Stream<Path> s = Files.list(outside)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("root", "sentinel.txt");
        }
        assertThat(Path.of("/tmp/oktyv-zip-slip-absolute.txt")).doesNotExist();
        try (Stream<Path> s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .as("no staging or temp leftovers, no copied.txt")
                    .allMatch(n -> !n.startsWith(".oktyv-") && !n.equals("copied.txt"));
        }
    }

    @Test
    void messageNamesTheRelativePathNotTheRoot() {
        assertThatThrownBy(() -> store.read("../sentinel.txt"))
                .isInstanceOf(PathOutsideRootException.class)
                .hasMessage("path '../sentinel.txt' is outside the store root: '..' escapes the root")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(root.toString()));
        assertThatThrownBy(() -> store.read("a\u0000b")).hasMessageContaining("'a\\u0000b'");
    }

    @Test
    void harmlessLookalikesAreAccepted() {
        for (String ok : List.of("a/../b.txt", "100%.txt", "...", "..data", "x/%41.txt", "\uFF41\uFF42.txt",
                "inner/./c.txt", "inner/link-up-not-a-link.txt")) {
            store.write(ok, new byte[] {42});
            assertThat(store.read(ok)).containsExactly(42);
        }
    }

    @Test
    void symlinkInsideTheRootIsFollowed() throws Exception {
        store.write("inner/real.txt", new byte[] {7});
        Files.createSymbolicLink(root.resolve("inner/alias.txt"), Path.of("real.txt"));
        assertThat(store.read("inner/alias.txt")).containsExactly(7);
    }
}
