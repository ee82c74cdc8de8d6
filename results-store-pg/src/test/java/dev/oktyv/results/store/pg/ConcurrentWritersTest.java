package dev.oktyv.results.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.RunFilter;
import dev.oktyv.results.StoredRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight separate JVMs publish runs into one store at the same moment, all eight also the same run id: no run is
 * lost, none is mixed with another (every child row belongs to its run's writer, counts exact), and the colliding
 * id is stored once and refused seven times.
 */
class ConcurrentWritersTest {

    static final int WRITERS = 8;
    static final int RUNS_PER_WRITER = 3;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void eightWriterProcessesNeverLoseOrMixARun(@TempDir Path work) throws Exception {
        try (TestSchema schema = TestSchema.create()) {
            // Migrated once up front: the writers then race on the runs, not on creating the schema.
            PgRunStore store = PgRunStore.open(PgStoreUrl.parse(schema.storeUrl()), Optional.empty());
            List<Process> writers = new ArrayList<>();
            List<BufferedReader> outputs = new ArrayList<>();
            try {
                for (int w = 0; w < WRITERS; w++) {
                    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-cp", System.getProperty("java.class.path"), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                            ConcurrentWriter.class.getName(), schema.storeUrl(), work.toString(), Integer.toString(w),
                            Integer.toString(RUNS_PER_WRITER))
                            .redirectError(work.resolve("writer-" + w + ".err").toFile()).start();
                    writers.add(p);
                    outputs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
                }
                for (int w = 0; w < WRITERS; w++) {
                    assertThat(outputs.get(w).readLine()).as("writer %d (see writer-%d.err)", w, w).isEqualTo("ready");
                }
                for (Process p : writers) {
                    Writer go = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
                    go.write("go\n");
                    go.flush();
                }
                List<String> stored = new ArrayList<>();
                List<String> refused = new ArrayList<>();
                List<String> sharedWinner = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    for (String line; (line = outputs.get(w).readLine()) != null; ) {
                        String[] parts = line.split(" ", 2);
                        (parts[0].equals("stored") ? stored : refused).add(parts[1]);
                        if (line.equals("stored " + ConcurrentWriter.SHARED_ID)) {
                            sharedWinner.add("writer-" + w);
                        }
                    }
                    assertThat(writers.get(w).waitFor(120, TimeUnit.SECONDS)).isTrue();
                    assertThat(writers.get(w).exitValue()).as("writer %d exit (see its .err)", w).isZero();
                }
                int runs = WRITERS * RUNS_PER_WRITER + 1;
                assertThat(stored).hasSize(runs).doesNotHaveDuplicates();
                assertThat(refused).hasSize(WRITERS - 1).containsOnly(ConcurrentWriter.SHARED_ID);
                assertThat(sharedWinner).hasSize(1);

                assertThat(schema.count("SELECT count(*) FROM runs")).isEqualTo(runs);
                assertThat(schema.count("SELECT count(*) FROM run_files")).isEqualTo(3L * runs);
                assertThat(schema.count("SELECT count(*) FROM benchmark_scores")).isEqualTo((long) ConcurrentWriter.SCORES_PER_RUN * runs);
                assertThat(schema.count("SELECT count(*) FROM benchmark_forks"))
                        .isEqualTo((long) ConcurrentWriter.SCORES_PER_RUN * ConcurrentWriter.FORKS_PER_SCORE * runs);
                assertThat(schema.count("SELECT count(*) FROM load_summaries")).isEqualTo(runs);
                // Not mixed: every score row belongs to its run's writer, every run has exactly its own rows.
                assertThat(schema.count("SELECT count(*) FROM benchmark_scores s JOIN runs r ON r.pk = s.run_pk"
                        + " WHERE split_part(s.benchmark, '.', 1) <> r.branch")).isZero();
                assertThat(schema.count("SELECT count(*) FROM (SELECT run_pk FROM benchmark_scores GROUP BY run_pk"
                        + " HAVING count(*) <> " + ConcurrentWriter.SCORES_PER_RUN + ") x")).isZero();
                for (StoredRun r : store.list(RunFilter.ALL)) {
                    assertThat(r.metadata().id()).isEqualTo(r.id());
                    assertThat(r.metadata().host().hostname()).contains(r.metadata().git().branch());
                    if (r.id().value().equals(ConcurrentWriter.SHARED_ID)) {
                        assertThat(r.metadata().git().branch()).isEqualTo(sharedWinner.get(0));
                    }
                }
            } finally {
                writers.forEach(Process::destroyForcibly);
            }
        }
    }
}
