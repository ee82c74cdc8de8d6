package dev.oktyv.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem store behind the {@link RunStore} interface: listing with filters, references, open, publish. */
class ResultsStoreAsRunStoreTest {

    @TempDir
    Path root;

    private RunId run(ResultsStore store, Instant at, String branch, String hostClass, RunStatus status) throws Exception {
        RunFolder f = store.create(RunId.of(at, "abcdef1", false));
        RunMetadata m = RunMetadata.started("0.1.0", f.id(), new GitInfo("abcdef1".repeat(5) + "abcde", branch, false), at,
                List.of("run"), new HostInfo(Optional.of("h"), "Linux", "6", "amd64", Optional.of("cpu"), 2,
                        OptionalLong.empty(), Optional.of(hostClass)), new JvmInfo("v", "17", "vm", "/j", List.of()));
        f.writeMetadata(status == RunStatus.INCOMPLETE ? m : m.finished(at.plusSeconds(1), status));
        return f.id();
    }

    @Test
    void listsNewestFirstWithFiltersAndResolvesReferences() throws Exception {
        ResultsStore store = new ResultsStore(root.resolve("results"));
        Instant t = Instant.parse("2026-12-03T10:00:00Z");
        RunId a = run(store, t, "main", "ci-large", RunStatus.COMPLETE);
        RunId b = run(store, t.plusSeconds(10), "main", "ci-small", RunStatus.COMPLETE);
        RunId c = run(store, t.plusSeconds(20), "main", "ci-large", RunStatus.FAILED);
        RunId d = run(store, t.plusSeconds(30), "main", "ci-large", RunStatus.COMPLETE);
        Files.createDirectory(store.root().resolve("20261203T100100Z-abcdef2")); // no run.json: not listed
        assertThat(store.list(RunFilter.ALL)).extracting(StoredRun::id).containsExactly(d, c, b, a);
        RunFilter large = new RunFilter(Optional.of("main"), Optional.of("ci-large"), Optional.empty());
        assertThat(store.list(large)).extracting(StoredRun::id).containsExactly(d, c, a);
        assertThat(store.resolve("latest", large)).isEqualTo(d);
        assertThat(store.resolve("latest~1", large)).isEqualTo(a); // the failed run does not count
        assertThat(store.resolve(b.value(), large)).isEqualTo(b);   // an id is an id, whatever the filter
        assertThatThrownBy(() -> store.resolve("latest~2", large)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has only 2 complete run(s) with branch main, host class ci-large");
        assertThatThrownBy(() -> store.resolve("nonsense", RunFilter.ALL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'nonsense' is not a run id, latest or latest~N");
        assertThat(store.open(a, root.resolve("unused")).path()).isEqualTo(store.root().resolve(a.value()));
        assertThatThrownBy(() -> store.open(new RunId("20261203T000000Z-abcdef1"), root))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no run '20261203T000000Z-abcdef1'");
    }

    @Test
    void publishCopiesAFolderInOnceAndRefusesASecondCopy() throws Exception {
        ResultsStore elsewhere = new ResultsStore(root.resolve("runner"));
        RunId id = run(elsewhere, Instant.parse("2026-12-03T10:00:00Z"), "main", "ci-large", RunStatus.COMPLETE);
        AtomicFiles.writeString(elsewhere.root().resolve(id.value()).resolve("load/http/summary.json"), "{}\n");
        ResultsStore shared = new ResultsStore(root.resolve("shared"));
        RunFolder source = RunFolder.open(elsewhere.root().resolve(id.value()));
        assertThat(shared.publish(source)).isEqualTo(id);
        assertThat(Files.readString(shared.root().resolve(id.value()).resolve("load/http/summary.json"))).isEqualTo("{}\n");
        assertThat(Files.mismatch(source.runJson(), shared.root().resolve(id.value()).resolve(RunFolder.RUN_JSON))).isEqualTo(-1);
        assertThatThrownBy(() -> shared.publish(source)).isInstanceOf(RunAlreadyStoredException.class)
                .hasMessage("run " + id + " is already in the store " + shared.root());
        // A folder already under the root is published as it is.
        assertThat(elsewhere.publish(source)).isEqualTo(id);
    }

    @Test
    void anUnsupportedStoreUrlNamesOnlyItsScheme() {
        assertThatThrownBy(() -> RunStores.open("mysql://u:pw@h/db", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported store URL scheme 'mysql': expected jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME]");
    }
}
