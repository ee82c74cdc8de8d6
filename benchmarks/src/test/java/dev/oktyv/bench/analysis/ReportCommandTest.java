package dev.oktyv.bench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesBothFilesIntoTheRunFolder() throws IOException {
        Path root = dir.resolve("results");
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        CliRuns.run(root, t, 'a', CliRuns.jmh(100));
        RunFolder cand = CliRuns.run(root, t.plusSeconds(60), 'b', CliRuns.jmh(150));
        CliRuns.Result r = CliRuns.exec("report", "latest", "--compare", "latest~1", "--results-dir", root.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(cand.path().resolve("report.html"))).contains("regressed", "<svg");
        assertThat(Files.readString(cand.path().resolve("report.md"))).contains("regressed");
        assertThat(CliRuns.exec("report", "latest", "--compare", "nope!", "--results-dir", root.toString()).exit()).isEqualTo(2);
    }
}
