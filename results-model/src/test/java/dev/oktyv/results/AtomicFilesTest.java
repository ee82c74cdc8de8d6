package dev.oktyv.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesContentAndLeavesNoTempFiles() throws IOException {
        Path target = dir.resolve("jmh.json");
        AtomicFiles.writeString(target, "[1]");
        AtomicFiles.writeString(target, "[1, 2]");
        assertThat(target).hasContent("[1, 2]");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).containsExactly(target);
        }
    }

    @Test
    void aFailingWriterKeepsTheOldContent() throws IOException {
        Path target = dir.resolve("run.json");
        AtomicFiles.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(target).hasContent("old");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).containsExactly(target);
        }
    }

    @Test
    void copiesAnotherFileIn() throws IOException {
        Path src = dir.resolve("src.json");
        Files.writeString(src, "[{}]");
        AtomicFiles.copy(src, dir.resolve("sub/jmh.json"));
        assertThat(dir.resolve("sub/jmh.json")).hasContent("[{}]");
    }
}
