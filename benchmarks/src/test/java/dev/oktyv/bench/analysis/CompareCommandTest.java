package dev.oktyv.bench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    Path dir;

    @Test
    void failOnRegressionExitsOneOnlyWhenSomethingRegressed() throws IOException {
        Path root = dir.resolve("results");
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        CliRuns.run(root, t, 'a', CliRuns.jmh(100));
        CliRuns.run(root, t.plusSeconds(60), 'b', CliRuns.jmh(120));
        CliRuns.run(root, t.plusSeconds(120), 'c', CliRuns.jmh(120.1));
        CliRuns.Result r = CliRuns.exec("compare", "latest~2", "latest~1", "--results-dir", root.toString(),
                "--fail-on", "regression", "--format", "md");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("regressed", "+20.0%");
        CliRuns.Result same = CliRuns.exec("compare", "bbbb", "latest", "--results-dir", root.toString(),
                "--fail-on", "regression");
        assertThat(same.exit()).as(same.err()).isEqualTo(0);
        assertThat(same.out()).contains("unchanged");
    }

    @Test
    void severalRunsPerSideArePooledAndEveryFormatSaysHowMany() throws IOException {
        Path root = dir.resolve("results");
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        var a1 = CliRuns.run(root, t, 'a', CliRuns.jmh(100));
        var b1 = CliRuns.run(root, t.plusSeconds(60), 'b', CliRuns.jmh(100.1));
        var a2 = CliRuns.run(root, t.plusSeconds(120), 'a', CliRuns.jmh(100.05));
        var b2 = CliRuns.run(root, t.plusSeconds(180), 'b', CliRuns.jmh(99.95));
        String base = a1.id().value() + "," + a2.id().value();
        String cand = b1.id().value() + ", " + b2.id().value();
        for (String format : new String[] {"table", "md", "html"}) {
            CliRuns.Result r = CliRuns.exec("compare", base, cand, "--results-dir", root.toString(), "--format", format);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).as(format).contains("samples: baseline 2 runs, 6 forks per benchmark; candidate 2 runs,"
                    + " 6 forks per benchmark").contains("unchanged");
        }
        CliRuns.Result json = CliRuns.exec("compare", base, cand, "--results-dir", root.toString(), "--format", "json");
        assertThat(json.out()).contains("\"" + a1.id().value() + "\"", "\"" + a2.id().value() + "\"")
                .contains("\"minForks\": 6");
    }

    @Test
    void aRunListedTwiceOrAnEmptyEntryIsBadInput() throws IOException {
        Path root = dir.resolve("results");
        var a = CliRuns.run(root, Instant.parse("2026-11-20T10:00:00Z"), 'a', CliRuns.jmh(100));
        CliRuns.Result twice = CliRuns.exec("compare", a.id().value() + "," + a.path(), "latest", "--results-dir",
                root.toString());
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("BASELINE").contains("is listed twice").doesNotContain("\tat ");
        CliRuns.Result empty = CliRuns.exec("compare", "latest", "latest,", "--results-dir", root.toString());
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("CANDIDATE 'latest,': an empty run reference in the list");
    }

    @Test
    void regressedBenchmarkLinksAnExistingDiffFlameGraphRelativeToTheOutput() throws IOException {
        Path root = dir.resolve("results");
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        var base = CliRuns.run(root, t, 'a', CliRuns.jmh(100));
        var cand = CliRuns.run(root, t.plusSeconds(60), 'b', CliRuns.jmh(130));
        String wid = "dev.oktyv.bench.X.y";
        java.nio.file.Files.createDirectories(base.profilesDir(wid));
        java.nio.file.Files.createDirectories(cand.profilesDir(wid));
        CliRuns.Result noDiff = CliRuns.exec("compare", "latest~1", "latest", "--results-dir", root.toString(), "--format", "md");
        assertThat(noDiff.out()).contains("regressed").doesNotContain("[diff]");
        java.nio.file.Files.createDirectories(cand.path().resolve("diff"));
        java.nio.file.Files.writeString(cand.path().resolve("diff/" + wid + "-cpu.html"), "<html></html>");
        Path out = dir.resolve("out/cmp.html");
        java.nio.file.Files.createDirectories(out.getParent());
        assertThat(CliRuns.exec("compare", "latest~1", "latest", "--results-dir", root.toString(), "--format", "html",
                "-o", out.toString()).exit()).isZero();
        assertThat(java.nio.file.Files.readString(out)).contains("href=\"../results/" + cand.id() + "/diff/" + wid + "-cpu.html\"");
    }

    @Test
    void compareAndReportRenderTheDiffFlameGraphOfARegressionProfiledInBothRuns() throws IOException {
        Path root = dir.resolve("results");
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        var base = CliRuns.run(root, t, 'a', CliRuns.jmh(100));
        var cand = CliRuns.run(root, t.plusSeconds(60), 'b', CliRuns.jmh(130));
        String wid = "dev.oktyv.bench.X.y";
        for (var f : new dev.oktyv.results.RunFolder[] {base, cand}) {
            java.nio.file.Files.createDirectories(f.profilesDir(wid));
        }
        java.nio.file.Files.writeString(base.profilesDir(wid).resolve("cpu-f1.collapsed"), "t;X.y;X.fast 90\nt;X.y;X.slow 10\n");
        java.nio.file.Files.writeString(cand.profilesDir(wid).resolve("cpu-f1.collapsed"), "t;X.y;X.fast 30\nt;X.y;X.slow 70\n");
        java.nio.file.Files.writeString(cand.profilesDir(wid).resolve("cpu-f2.collapsed"), "t;X.y;X.slow 50\n");
        Path diff = cand.path().resolve("diff/" + wid + "-cpu.html");

        CliRuns.Result r = CliRuns.exec("compare", "latest~1", "latest", "--results-dir", root.toString(), "--format", "md");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(diff).isRegularFile();
        assertThat(java.nio.file.Files.readString(diff)).contains("X.slow", "\"diff\":true");
        assertThat(r.out()).contains("regressed", "[diff](" + cand.path().toAbsolutePath().normalize() + "/diff/" + wid + "-cpu.html)");

        java.nio.file.Files.delete(diff);
        CliRuns.Result report = CliRuns.exec("report", "latest", "--compare", "latest~1", "--results-dir", root.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(diff).isRegularFile();
        assertThat(java.nio.file.Files.readString(cand.path().resolve("report.md"))).contains("diff/" + wid + "-cpu.html");
    }

    @Test
    void oneForkPerSideSaysWhyNothingWasTestedShowsTheChangeAndFailsOnlyWhenUntestableIsAsked() throws IOException {
        Path root = dir.resolve("results");
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        CliRuns.run(root, t, 'a', oneFork(100));
        CliRuns.run(root, t.plusSeconds(60), 'b', oneFork(120));
        for (String fmt : new String[] {"table", "md", "html"}) {
            CliRuns.Result r = CliRuns.exec("compare", "latest~1", "latest", "--results-dir", root.toString(), "--format", fmt,
                    "--fail-on", "regression");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("1 fork per side: no test is possible; rerun with -f ≥ 2", "+20.0% (untested)");
        }
        CliRuns.Result gate = CliRuns.exec("compare", "latest~1", "latest", "--results-dir", root.toString(),
                "--fail-on", "regression,untestable");
        assertThat(gate.exit()).isEqualTo(1);
        assertThat(gate.err()).contains("--fail-on regression,untestable: 1 fork per side: no test is possible");
        CliRuns.Result bad = CliRuns.exec("compare", "latest~1", "latest", "--results-dir", root.toString(), "--fail-on", "regresion");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--fail-on", "expected one of [REGRESSION, UNTESTABLE]", "'regresion'").doesNotContain("at dev.");
    }

    /** What a JMH run with {@code -f 1} writes: one fork of two iterations. */
    private static String oneFork(double level) {
        return "[{\"benchmark\":\"dev.oktyv.bench.X.y\",\"mode\":\"avgt\",\"threads\":1,\"forks\":1,\"params\":{},"
                + "\"primaryMetric\":{\"score\":" + level + ",\"scoreError\":\"NaN\",\"scoreConfidence\":[\"NaN\",\"NaN\"],"
                + "\"scoreUnit\":\"us/op\",\"rawData\":[[" + level + "," + level + "]]},\"secondaryMetrics\":{}}]";
    }

    @Test
    void eitherSideMayBeAPlainJmhJsonFileAndAJvmDisagreementIsShown() throws IOException {
        Path root = dir.resolve("results");
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        // run.json says JVM "17" (CliRuns); this jmh.json says the benchmarks ran in 21.0.1 (run -jvm ...).
        CliRuns.run(root, t, 'a', CliRuns.jmh(100).replace("\"threads\":1,", "\"threads\":1,\"jdkVersion\":\"21.0.1\","));
        Path plain = dir.resolve("jmh-result.json");
        java.nio.file.Files.writeString(plain, CliRuns.jmh(125));
        CliRuns.Result r = CliRuns.exec("compare", "latest", plain.toString(), "--results-dir", root.toString(), "--format", "md");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("regressed", "+25.0%",
                "the baseline run.json says JVM 17 but its jmh.json says the benchmarks ran in 21.0.1");
        CliRuns.Result reversed = CliRuns.exec("compare", plain.toString(), "latest", "--results-dir", root.toString());
        assertThat(reversed.exit()).as(reversed.err()).isZero();
        assertThat(reversed.out()).contains("improved");
        // The plain file is read where it is; nothing is added to the results store.
        assertThat(new dev.oktyv.results.ResultsStore(root).list()).hasSize(1);
        java.nio.file.Files.writeString(plain, "{\"not\":\"jmh\"}");
        CliRuns.Result bad = CliRuns.exec("compare", "latest", plain.toString(), "--results-dir", root.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("CANDIDATE: ", "is not a JMH result").doesNotContain("at dev.");
    }

    @Test
    void badInputIsAUsageErrorWithOneLine() throws IOException {
        Path root = dir.resolve("results");
        CliRuns.run(root, Instant.parse("2026-11-20T10:00:00Z"), 'a', CliRuns.jmh(100));
        CliRuns.Result r = CliRuns.exec("compare", "latest", "latest~5", "--results-dir", root.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("CANDIDATE: 'latest~5'").doesNotContain("at dev.");
        assertThat(CliRuns.exec("compare", "latest", "latest", "--results-dir", root.toString(), "--threshold", "five")
                .err()).contains("--threshold must be a percentage like 5%, was 'five'");
        assertThat(CliRuns.exec("compare", "latest", "latest", "--results-dir", root.toString(), "--format", "xml")
                .exit()).isEqualTo(2);
    }
}
