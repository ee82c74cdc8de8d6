package dev.oktyv.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryTreeTest {

    @Test
    void deletesEverythingBelowButNothingALinkPointsAt(@TempDir Path dir) throws Exception {
        Path outside = Files.writeString(dir.resolve("keep.txt"), "precious");
        Path root = Files.createDirectories(dir.resolve("scratch/a/b"));
        Files.writeString(root.resolve("f.bin"), "x");
        Files.createSymbolicLink(dir.resolve("scratch/link"), outside);
        DirectoryTree.delete(dir.resolve("scratch"));
        assertThat(dir.resolve("scratch")).doesNotExist();
        assertThat(outside).hasContent("precious");
    }

    @Test
    void aMissingRootIsNothingToDo(@TempDir Path dir) throws Exception {
        DirectoryTree.delete(dir.resolve("never-created"));
        assertThat(dir).isEmptyDirectory();
    }
}
