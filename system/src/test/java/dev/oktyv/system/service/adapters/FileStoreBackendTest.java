package dev.oktyv.system.service.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.files.ConfinedFileStore;
import dev.oktyv.system.files.FileStoreConfig;
import dev.oktyv.system.service.ApiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreBackendTest {

    @TempDir
    Path root;
    @TempDir
    Path outside;

    @Test
    void writesReadsAndReportsMissingFilesAsEmpty() {
        FileStoreBackend files = new FileStoreBackend(new ConfinedFileStore(FileStoreConfig.builder(root).build()));
        files.write("a/b.txt", new byte[] {1, 2});
        assertThat(files.read("a/b.txt")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2));
        assertThat(files.read("a/none.txt")).isEmpty();
    }

    @Test
    void aSymlinkOutOfTheRootIs403AndNamesNoPath() throws Exception {
        Files.createSymbolicLink(root.resolve("link"), outside);
        FileStoreBackend files = new FileStoreBackend(new ConfinedFileStore(FileStoreConfig.builder(root).build()));
        assertThatThrownBy(() -> files.write("link/x.txt", new byte[] {1})).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).doesNotContain(root.toString()).doesNotContain(outside.toString());
                });
        assertThatThrownBy(() -> files.read("link/x.txt")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(403));
        try (Stream<Path> s = Files.list(outside)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aFileOverTheLimitIs413() {
        FileStoreBackend files = new FileStoreBackend(new ConfinedFileStore(
                FileStoreConfig.builder(root).maxFileSizeBytes(4).build()));
        assertThatThrownBy(() -> files.write("big.bin", new byte[5])).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(413));
        assertThat(root.resolve("big.bin")).doesNotExist();
    }
}
