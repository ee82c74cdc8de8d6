package dev.oktyv.bench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 18 part 2: a command that had nothing to look at, or damaged input, never prints OK or exits 0. */
class NoSilentSuccessTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private Path root() {
        return dir.resolve("results");
    }

    /** {@code <none>} writes no jmh.json. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FAILED|<none>|the run failed; no jmh.json",
            "COMPLETE||jmh.json is empty",
            "COMPLETE|[]|jmh.json holds no results",
            "INCOMPLETE|<none>|the run incomplete; no jmh.json"})
    void analyzeOfARunWithoutDataSaysSoAndExitsOneWithOrWithoutTheGate(RunStatus status, String jmh, String reason)
            throws IOException {
        RunFolder f = CliRuns.run(root(), T, 'a', "<none>".equals(jmh) ? null : jmh == null ? "" : jmh, status);
        for (String[] gate : new String[][] {{}, {"--fail-on", "critical"}}) {
            String[] args = concat(new String[] {"analyze", f.id().value(), "--results-dir", root().toString()}, gate);
            CliRuns.Result r = CliRuns.exec(args);
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains("analyze: run " + f.id() + " has no data: " + reason);
            assertThat(r.out()).doesNotContain("[OK").contains("[N/A     ] Allocation", "not applicable: ");
        }
        CliRuns.Result md = CliRuns.exec("analyze", f.id().value(), "--results-dir", root().toString(), "--format", "md");
        assertThat(md.exit()).isEqualTo(1);
        assertThat(md.out()).doesNotContain("| ok |").contains("| n/a |");
    }

    @Test
    void analyzeOfARunWithDataButNoApplicableRuleSaysNothingWasChecked() throws IOException {
        CliRuns.run(root(), T, 'a', CliRuns.jmh(100));
        CliRuns.Result r = CliRuns.exec("analyze", "latest", "--results-dir", root().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("note: no rule applied to run").contains("nothing was checked");
        assertThat(r.out()).doesNotContain("[OK");
    }

    @Test
    void compareNamesTheSideThatIsFailedEmptyOrDamaged() throws IOException {
        String good = CliRuns.run(root(), T, 'a', CliRuns.jmh(100)).id().value();
        String failed = CliRuns.run(root(), T.plusSeconds(60), 'b', CliRuns.jmh(100), RunStatus.FAILED).id().value();
        String empty = CliRuns.run(root(), T.plusSeconds(120), 'c', "").id().value();
        String none = CliRuns.run(root(), T.plusSeconds(180), 'd', "[]").id().value();
        String damaged = CliRuns.run(root(), T.plusSeconds(240), 'e', "[{\"benchmark\":\"x\"}]]").id().value();
        expectUsageError(compare(good, failed), "CANDIDATE: run " + failed + " is failed (run.json); compare needs complete runs");
        expectUsageError(compare(failed, good), "BASELINE: run " + failed + " is failed");
        expectUsageError(compare(good, empty), "CANDIDATE: run " + empty + " has no JMH results (jmh.json is empty)");
        expectUsageError(compare(none, good), "BASELINE: run " + none + " has no JMH results (jmh.json holds no results)");
        expectUsageError(compare(good, damaged), "CANDIDATE: cannot read run ",
                "jmh.json: line 1, column 21: expected the end of the file after the first JSON value");
        CliRuns.Result ok = compare(good, good);
        assertThat(ok.exit()).as(ok.err()).isZero();
    }

    @Test
    void historySkipsDamagedRunsWithAWarningAndEveryCommandGivesTheSameDamageTheSameCode() throws IOException {
        for (int i = 0; i < 4; i++) {
            CliRuns.run(root(), T.plusSeconds(60L * i), (char) ('a' + i), CliRuns.jmh(100));
        }
        RunFolder badJmh = CliRuns.run(root(), T.plusSeconds(300), 'e', "[{\"benchmark\": x}]");
        RunFolder badRun = CliRuns.run(root(), T.plusSeconds(360), 'f', CliRuns.jmh(100));
        AtomicFiles.writeString(badRun.runJson(), "{\"formatVersion\": 1,");
        CliRuns.Result h = CliRuns.exec("history", "--results-dir", root().toString());
        assertThat(h.exit()).as(h.err()).isZero();
        assertThat(h.out()).contains("X.y (avgt)");
        assertThat(h.err()).contains("warning: skipped run " + badJmh.id() + ": ", "jmh.json: line 1, column 16: expected a JSON value")
                .contains("warning: skipped run " + badRun.id() + ": malformed run.json: line 1, column 21: expected ")
                .doesNotContain("setStrictness", "\tat ");
        for (String[] cmd : new String[][] {{"analyze", badJmh.id().value()}, {"report", badJmh.id().value()},
                {"compare", "latest", badJmh.id().value()}}) {
            String[] args = concat(cmd, new String[] {"--results-dir", root().toString()});
            CliRuns.Result r = CliRuns.exec(args);
            assertThat(r.exit()).as(String.join(" ", cmd) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("line 1, column 16: expected a JSON value").doesNotContain("setStrictness", "\tat ");
        }
    }

    @Test
    void historyWithNothingToShowIsNotAPass() {
        CliRuns.Result h = CliRuns.exec("history", "--results-dir", root().toString());
        assertThat(h.exit()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "compare latest latest", "history", "report", "results", "results import x.json",
            "load --url http://127.0.0.1:9/ --rate 10", "run NoSuchBenchmark"})
    void aResultsDirThatIsAFileIsAUsageError(String command) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        String[] args = concat(command.split(" "), new String[] {"--results-dir", file.toString()});
        CliRuns.Result r = CliRuns.exec(args);
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--results-dir", "'" + file + "' is not a directory").doesNotContain("\tat ");
    }

    private CliRuns.Result compare(String baseline, String candidate) {
        return CliRuns.exec("compare", baseline, candidate, "--results-dir", root().toString());
    }

    private static void expectUsageError(CliRuns.Result r, String... messages) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(messages).doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isOne();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
