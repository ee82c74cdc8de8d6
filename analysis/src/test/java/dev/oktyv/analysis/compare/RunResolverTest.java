package dev.oktyv.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.analysis.testing.RunFixtures;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResolverTest {

    @TempDir
    Path dir;
    private ResultsStore store;
    private RunFolder a1;
    private RunFolder a2;
    private RunFolder b;
    private RunFolder incomplete;

    @BeforeEach
    void setUp() throws IOException {
        store = new ResultsStore(dir.resolve("results"));
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        a1 = RunFixtures.create(store, t, "abcdef" + "0".repeat(34), RunStatus.COMPLETE, "[]");
        a2 = RunFixtures.create(store, t.plusSeconds(60), "abcdef" + "0".repeat(34), RunStatus.COMPLETE, "[]");
        b = RunFixtures.create(store, t.plusSeconds(120), "abcd99" + "0".repeat(34), RunStatus.COMPLETE, "[]");
        incomplete = RunFixtures.create(store, t.plusSeconds(180), "ffff" + "0".repeat(36), RunStatus.INCOMPLETE, "[]");
    }

    @Test
    void latestSkipsIncompleteRuns() throws IOException {
        RunResolver r = new RunResolver(store);
        assertThat(r.resolve("latest")).isEqualTo(b);
        assertThat(r.resolve("latest~1")).isEqualTo(a2);
        assertThat(r.resolve("latest~2")).isEqualTo(a1);
        assertThatThrownBy(() -> r.resolve("latest~3")).hasMessageContaining("only 3 complete run(s)");
    }

    @Test
    void commitPrefixPicksNewestCompleteRunAndRejectsAmbiguity() throws IOException {
        RunResolver r = new RunResolver(store);
        assertThat(r.resolve("abcdef")).isEqualTo(a2);
        assertThat(r.resolve("ABCD99")).isEqualTo(b);
        assertThatThrownBy(() -> r.resolve("abc0")).hasMessageContaining("no complete run at commit 'abc0'");
        assertThatThrownBy(() -> r.resolve("abcd")).hasMessageContaining("ambiguous");
        assertThatThrownBy(() -> r.resolve("ffff")).hasMessageContaining("no complete run");
    }

    @Test
    void runIdAndPathWork() throws IOException {
        RunResolver r = new RunResolver(store);
        assertThat(r.resolve(incomplete.id().value())).isEqualTo(incomplete);
        assertThat(r.resolve(a1.path().toString()).id()).isEqualTo(a1.id());
        assertThatThrownBy(() -> r.resolve(dir.toString())).hasMessageContaining("not a run folder");
        assertThatThrownBy(() -> r.resolve("nonsense!")).hasMessageContaining("'nonsense!'");
    }
}
