package dev.oktyv.results.store.pg;

import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.GitInfo;
import dev.oktyv.results.HostInfo;
import dev.oktyv.results.JvmInfo;
import dev.oktyv.results.RunAlreadyStoredException;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import dev.oktyv.results.RunMetadata;
import dev.oktyv.results.RunMetadataJson;
import dev.oktyv.results.RunStatus;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One writer process of {@link ConcurrentWritersTest}: builds its run folders, says "ready", waits for "go" on
 * standard input (so all writers publish at once, without sleeping), publishes them and prints "stored ID" or
 * "refused ID" per run. Every row a run owns names its writer (branch {@code writer-N}, benchmarks
 * {@code writer-N.run-R.bK}), so the test can tell a mixed run from a clean one.
 */
public final class ConcurrentWriter {

    /** The id every writer also publishes: exactly one may win it. */
    static final String SHARED_ID = "20261203T130000Z-5a4ed1d";
    static final int SCORES_PER_RUN = 3;
    static final int FORKS_PER_SCORE = 2;

    private ConcurrentWriter() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path work = Path.of(args[1]);
        int writer = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        String branch = "writer-" + writer;
        List<RunFolder> folders = new java.util.ArrayList<>();
        for (int r = 0; r < runs; r++) {
            RunId id = RunId.of(Instant.parse("2026-12-03T12:00:00Z").plusSeconds(writer * 100L + r), "abcdef" + writer, false);
            folders.add(write(work, id, branch, r));
        }
        folders.add(write(work, new RunId(SHARED_ID), branch, runs));
        try (PgRunStore store = PgRunStore.open(PgStoreUrl.parse(url), Optional.empty(), false)) {
            System.out.println("ready");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"go".equals(in.readLine())) {
                throw new IllegalStateException("expected 'go' on standard input");
            }
            for (RunFolder f : folders) {
                try {
                    System.out.println("stored " + store.publish(f));
                } catch (RunAlreadyStoredException e) {
                    System.out.println("refused " + e.id());
                }
            }
        }
    }

    private static RunFolder write(Path work, RunId id, String branch, int run) throws Exception {
        RunFolder f = new RunFolder(work.resolve(branch).resolve(id.value()), id);
        Files.createDirectories(f.path());
        Instant start = id.startedAt();
        RunMetadata m = new RunMetadata(RunFolder.FORMAT_VERSION, "0.1.0-test", id,
                new GitInfo(id.shortCommit() + "0".repeat(40 - id.shortCommit().length()), branch, false), start,
                Optional.of(start.plusSeconds(30)), RunStatus.COMPLETE, List.of("run", branch),
                new HostInfo(Optional.of(branch), "Linux", "6", "amd64", Optional.of("Test CPU"), 2, OptionalLong.of(1L << 30)),
                new JvmInfo("v", "17.0.15", "vm", "/j", List.of()));
        f.writeMetadata(m);
        StringBuilder jmh = new StringBuilder("[");
        for (int k = 0; k < SCORES_PER_RUN; k++) {
            jmh.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"benchmark\": \"%s.run-%d.b%d\", \"mode\": \"avgt\","
                    + " \"forks\": 2, \"params\": {}, \"primaryMetric\": {\"score\": %d.5, \"scoreError\": 0.1,"
                    + " \"scoreUnit\": \"ns/op\", \"rawData\": [[%d.0, %d.0], [%d.0, %d.0]]}}", branch, run, k, k, k, k, k, k));
        }
        AtomicFiles.writeString(f.jmhJson(), jmh.append("]\n").toString());
        try (InputStream summary = ConcurrentWriter.class.getResourceAsStream("/dev/oktyv/results/load/summary-v2.json")) {
            AtomicFiles.write(f.load("http").summary(), summary.readAllBytes());
        }
        return f;
    }
}
