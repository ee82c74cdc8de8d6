package dev.oktyv.system.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A durable write is the file's data synced, the rename, and then the directory synced: without the last step
 * the rename itself can be lost in a power cut, and the caller's acknowledged write with it.
 */
class DurableWriteTest {

    @TempDir
    Path tmp;

    /** Records each sync, in order, instead of (as well as) doing it. */
    private static final class CountingSync implements FileSync {
        final List<String> calls = new ArrayList<>();
        private final Path root;

        CountingSync(Path root) {
            this.root = root;
        }

        @Override
        public void file(FileChannel channel) throws java.io.IOException {
            calls.add("file");
            DISK.file(channel);
        }

        @Override
        public void directory(Path dir) throws java.io.IOException {
            calls.add("dir " + root.relativize(dir));
            DISK.directory(dir);
        }
    }

    @Test
    void everyWriteSyncsTheFileThenItsDirectoryAfterTheRename() throws Exception {
        Path root = tmp.resolve("root").toAbsolutePath();
        CountingSync sync = new CountingSync(tmp.toRealPath().resolve("root"));
        ConfinedFileStore store = new ConfinedFileStore(FileStoreConfig.builder(root).build(), sync);
        store.mkdir("docs");
        sync.calls.clear();
        store.write("docs/a.txt", "alpha".getBytes(StandardCharsets.UTF_8));
        assertThat(sync.calls).containsExactly("file", "dir docs");
        sync.calls.clear();
        store.write("b.txt", new ByteArrayInputStream(new byte[10]));
        assertThat(sync.calls).containsExactly("file", "dir ");
        sync.calls.clear();
        store.move("docs/a.txt", "b.txt");
        assertThat(sync.calls).containsExactly("dir ", "dir docs");
    }

    @Test
    void withoutFsyncNothingIsSynced() throws Exception {
        Path root = tmp.resolve("root").toAbsolutePath();
        CountingSync sync = new CountingSync(root);
        ConfinedFileStore store = new ConfinedFileStore(FileStoreConfig.builder(root).fsync(false).build(), sync);
        store.write("a.txt", new byte[3]);
        assertThat(sync.calls).isEmpty();
    }
}
