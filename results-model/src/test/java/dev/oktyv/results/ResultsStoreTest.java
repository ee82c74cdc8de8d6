package dev.oktyv.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {

    @TempDir
    Path root;

    private static final Instant T = Instant.parse("2026-11-28T00:15:00Z");

    @Test
    void sameSecondRunsGetNumberedFoldersAndNeverShareOne() throws IOException {
        ResultsStore store = new ResultsStore(root.resolve("results"));
        RunId id = RunId.of(T, "abc1234567", false);
        RunFolder first = store.create(id);
        Files.writeString(first.runJson(), "first");
        RunFolder second = store.create(id);
        RunFolder third = store.create(id);

        assertThat(first.id().value()).isEqualTo("20261128T001500Z-abc1234567");
        assertThat(second.id().value()).isEqualTo("20261128T001500Z-abc1234567-2");
        assertThat(third.id().value()).isEqualTo("20261128T001500Z-abc1234567-3");
        assertThat(Files.readString(first.runJson())).isEqualTo("first");
        assertThat(second.path()).isDirectory().isEmptyDirectory();
    }

    @Test
    void listsNewestFirstAndIgnoresForeignFolders() throws IOException {
        ResultsStore store = new ResultsStore(root);
        store.create(RunId.of(T, "aaaa111111", false));
        store.create(RunId.of(T.plusSeconds(3600), "bbbb222222", true));
        store.create(RunId.of(T.minusSeconds(86_400), "unknown", false));
        Files.createDirectory(root.resolve("notes"));
        Files.writeString(root.resolve("README.md"), "x");

        assertThat(store.list()).extracting(f -> f.id().value()).containsExactly(
                "20261128T011500Z-bbbb222222-dirty", "20261128T001500Z-aaaa111111", "20261127T001500Z-unknown");
    }

    @Test
    void collisionSuffixesOrderAsNumbersNotText() throws IOException {
        ResultsStore store = new ResultsStore(root);
        RunId id = RunId.of(T, "abc1234567", false);
        for (int i = 0; i < 11; i++) {
            store.create(id);
        }
        assertThat(store.list()).extracting(f -> f.id().value()).startsWith(
                "20261128T001500Z-abc1234567-11", "20261128T001500Z-abc1234567-10", "20261128T001500Z-abc1234567-9")
                .endsWith("20261128T001500Z-abc1234567-2", "20261128T001500Z-abc1234567");
    }

    @Test
    void aMissingRootHasNoRuns() throws IOException {
        assertThat(new ResultsStore(root.resolve("absent")).list()).isEmpty();
    }
}
