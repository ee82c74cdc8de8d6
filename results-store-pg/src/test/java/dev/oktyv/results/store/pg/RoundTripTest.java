package dev.oktyv.results.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.results.DirectoryTree;
import dev.oktyv.results.RunAlreadyStoredException;
import dev.oktyv.results.RunFilter;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunFolderContents;
import dev.oktyv.results.RunId;
import dev.oktyv.results.StoredRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden round trip: the fixture run folders (a JMH run with forks and a JFR artifact, a stepped load run with
 * latency logs, a security + recovery + readiness run) go into the store and come back out byte-identical, every
 * file; the small ones from the store's rows, the artifacts from their URI with a matching SHA-256.
 */
class RoundTripTest {

    static final String JMH_RUN = "20261203T100000Z-1111111111";
    static final String LOAD_RUN = "20261203T093506Z-b2d91f2c71-dirty";
    static final String PHASES_RUN = "20261203T110000Z-2222222222";

    static TestSchema schema;
    static PgRunStore store;
    static Path fixtures;

    @BeforeAll
    static void importFixtures(@TempDir Path tmp) throws Exception {
        schema = TestSchema.create();
        store = PgRunStore.open(PgStoreUrl.parse(schema.storeUrl()), Optional.empty());
        // A copy: artifacts are referenced where they are, and one test changes one.
        fixtures = StoreFixtures.copyTo(JMH_RUN, tmp.resolve("fixtures"));
        for (String id : List.of(JMH_RUN, LOAD_RUN, PHASES_RUN)) {
            assertThat(store.publish(RunFolder.open(fixtures.resolve(id)))).isEqualTo(new RunId(id));
        }
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void everyFileComesBackByteIdentical(@TempDir Path out) throws Exception {
        for (String id : List.of(JMH_RUN, LOAD_RUN, PHASES_RUN)) {
            RunFolder exported = store.export(new RunId(id), out);
            assertThat(exported.path()).isEqualTo(out.resolve(id));
            List<String> before = FileTrees.relativeFiles(fixtures.resolve(id));
            assertThat(FileTrees.relativeFiles(exported.path())).isEqualTo(before);
            for (String rel : before) {
                assertThat(Files.mismatch(fixtures.resolve(id).resolve(rel), exported.path().resolve(rel)))
                        .as("%s/%s", id, rel).isEqualTo(-1L);
            }
        }
        assertThat(FileTrees.relativeFiles(out)).noneMatch(p -> p.contains(".export-"));
    }

    @Test
    void artifactsAreStoredByReferenceWithTheirSha256() throws Exception {
        Path jfr = fixtures.resolve(JMH_RUN).resolve("profiles/gold.Tiny.spin/jfr-f1.jfr");
        try (var c = schema.connect(); var st = c.prepareStatement("SELECT a.path, a.uri, a.sha256, a.size_bytes"
                + " FROM run_artifacts a JOIN runs r ON r.pk = a.run_pk WHERE r.run_id = ?")) {
            st.setString(1, JMH_RUN);
            try (var rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("profiles/gold.Tiny.spin/jfr-f1.jfr");
                assertThat(rs.getString(2)).isEqualTo(jfr.toAbsolutePath().normalize().toUri().toString());
                assertThat(rs.getString(3)).isEqualTo(RunFolderContents.sha256(jfr));
                assertThat(rs.getLong(4)).isEqualTo(Files.size(jfr));
                assertThat(rs.next()).isFalse();
            }
        }
        // The bytes are not in the table of small files.
        assertThat(schema.count("SELECT count(*) FROM run_files WHERE path LIKE '%.jfr' OR path LIKE '%.hlog'")).isZero();
        assertThat(schema.count("SELECT count(*) FROM run_artifacts a JOIN runs r ON r.pk = a.run_pk"
                + " WHERE r.run_id = '" + LOAD_RUN + "' AND a.path LIKE '%/latency.hlog'")).isEqualTo(3);
    }

    @Test
    void queryableRowsHoldScoresForksLoadProbesAndVerdict() throws Exception {
        assertThat(schema.count("SELECT count(*) FROM runs")).isEqualTo(3);
        assertThat(schema.count("SELECT count(*) FROM benchmark_scores")).isEqualTo(2);
        assertThat(schema.count("SELECT count(*) FROM benchmark_forks")).isEqualTo(4);
        assertThat(schema.count("SELECT count(*) FROM benchmark_forks WHERE cardinality(iterations) = 0")).isZero();
        assertThat(schema.count("SELECT count(*) FROM load_summaries WHERE scenario = 'database'")).isEqualTo(3);
        assertThat(schema.count("SELECT count(*) FROM probe_results WHERE phase = 'security'")).isEqualTo(4);
        assertThat(schema.count("SELECT count(*) FROM probe_results WHERE phase = 'recovery'")).isEqualTo(3);
        assertThat(schema.count("SELECT count(*) FROM readiness_verdicts WHERE verdict = 'not-ready'")).isEqualTo(1);
        assertThat(schema.count("SELECT count(*) FROM runs WHERE run_id = '" + PHASES_RUN + "' AND host_class = 'ci-large'"
                + " AND cpu_model = 'AMD EPYC' AND cores = 2 AND jvm_major = '17' AND branch = 'main'")).isEqualTo(1);
    }

    @Test
    void listingAndReferencesAnswerLikeTheFilesystemStore() throws Exception {
        assertThat(store.list(RunFilter.ALL)).extracting(r -> r.id().value()).containsExactly(PHASES_RUN, JMH_RUN, LOAD_RUN);
        RunFilter main = new RunFilter(Optional.of("main"), Optional.empty(), Optional.empty());
        assertThat(store.resolve("latest", main).value()).isEqualTo(PHASES_RUN);
        assertThat(store.resolve("latest~1", main).value()).isEqualTo(JMH_RUN);
        RunFilter ciLarge = new RunFilter(Optional.empty(), Optional.of("ci-large"), Optional.empty());
        assertThat(store.list(ciLarge)).extracting(StoredRun::hostClass).containsExactly("ci-large");
        assertThatThrownBy(() -> store.resolve("latest~1", ciLarge))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only 1 complete run(s) with host class ci-large");
        assertThatThrownBy(() -> store.resolve("20261203T000000Z-abcdef1", RunFilter.ALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no run '20261203T000000Z-abcdef1'");
    }

    @Test
    void importingTheSameRunTwiceIsRefusedNotDuplicated() throws Exception {
        long files = schema.count("SELECT count(*) FROM run_files");
        assertThatThrownBy(() -> store.publish(RunFolder.open(fixtures.resolve(JMH_RUN))))
                .isInstanceOf(RunAlreadyStoredException.class)
                .hasMessage("run " + JMH_RUN + " is already in the store " + schema.storeUrl());
        assertThat(schema.count("SELECT count(*) FROM runs")).isEqualTo(3);
        assertThat(schema.count("SELECT count(*) FROM run_files")).isEqualTo(files);
    }

    @Test
    void exportNeverWritesOverAnExistingFolder(@TempDir Path out) throws Exception {
        Files.createDirectories(out.resolve(PHASES_RUN));
        assertThatThrownBy(() -> store.export(new RunId(PHASES_RUN), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists already");
        assertThat(FileTrees.relativeFiles(out)).isEmpty();
    }

    @Test
    void aChangedArtifactFailsTheExportAndLeavesNoFolder(@TempDir Path out) throws Exception {
        Path hlog = fixtures.resolve(LOAD_RUN).resolve("load/database/step-02-2/latency.hlog");
        byte[] original = Files.readAllBytes(hlog);
        try {
            Files.writeString(hlog, "#tampered\n", StandardOpenOption.APPEND);
            assertThatThrownBy(() -> store.export(new RunId(LOAD_RUN), out))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("artifact load/database/step-02-2/latency.hlog")
                    .hasMessageContaining("has changed since it was stored");
            try (Stream<Path> s = Files.list(out)) {
                assertThat(s.toList()).isEmpty();
            }
        } finally {
            Files.write(hlog, original);
        }
    }

    @Test
    void anUnknownRunCannotBeExported(@TempDir Path out) {
        assertThatThrownBy(() -> store.export(new RunId("20261203T000000Z-abcdef1"), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no run '20261203T000000Z-abcdef1'");
    }

    static void delete(Path p) throws IOException {
        DirectoryTree.delete(p);
    }
}
