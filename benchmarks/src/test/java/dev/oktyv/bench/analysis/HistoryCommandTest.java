package dev.oktyv.bench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheSeriesAndRejectsABadRegex() throws IOException {
        Path root = dir.resolve("results");
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 0; i < 6; i++) {
            CliRuns.run(root, t.plusSeconds(60L * i), (char) ('a' + i), CliRuns.jmh(i < 3 ? 100 : 130));
        }
        CliRuns.Result r = CliRuns.exec("history", "X\\.y", "--results-dir", root.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("X.y (avgt)", "100.0", "130.0");
        CliRuns.Result bad = CliRuns.exec("history", "(", "--results-dir", root.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("REGEX '(' is not a valid regular expression");
    }
}
