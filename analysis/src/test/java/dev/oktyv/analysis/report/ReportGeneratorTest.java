package dev.oktyv.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.compare.Comparison;
import dev.oktyv.analysis.compare.FlameDiffLocator;
import dev.oktyv.analysis.compare.RunComparator;
import dev.oktyv.analysis.jmh.RunLoader;
import dev.oktyv.analysis.latency.LatencyLogTest;
import dev.oktyv.analysis.stats.VerdictPolicy;
import dev.oktyv.analysis.testing.ReportFixture;
import dev.oktyv.analysis.testing.RunFixtures;
import dev.oktyv.analysis.testing.SyntheticJmh;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void writesASelfContainedHtmlAndAMarkdownReport() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        String wid = "dev.oktyv.bench.vault.VaultBench.get-size=64";
        RunFolder base = RunFixtures.create(store, t, RunFixtures.sha('a'), RunStatus.COMPLETE, jmh(1000));
        RunFolder cand = RunFixtures.create(store, t.plusSeconds(60), RunFixtures.sha('b'), RunStatus.COMPLETE, jmh(800));
        for (RunFolder f : new RunFolder[] {base, cand}) {
            Files.createDirectories(f.profilesDir(wid));
            Files.writeString(f.profilesDir(wid).resolve("cpu-f1.html"), "<html>flame</html>");
            Files.writeString(f.profilesDir(wid).resolve("cpu-f1.collapsed"), "java/lang/Thread.run;a/B.hot 900\njava/lang/Thread.run;a/B.cold 100\n");
        }
        Files.createDirectories(cand.path().resolve("diff"));
        Files.writeString(cand.path().resolve("diff/" + wid + "-cpu.html"), "<html>diff</html>");
        Files.createDirectories(cand.loadDir("vault-read"));
        LatencyLogTest.writeLog(cand.loadDir("vault-read").resolve("latency.hlog"), 5, 1_000_000, 80_000_000);

        Comparison c = new RunComparator(VerdictPolicy.DEFAULT, FlameDiffLocator.between(base, cand))
                .compare(RunLoader.load(base), RunLoader.load(cand));
        ReportGenerator.write(cand, ReportGenerator.collect(cand, Optional.of(c)));

        String html = Files.readString(cand.path().resolve(ReportGenerator.HTML), StandardCharsets.UTF_8);
        assertThat(html).contains("<svg", "latency by percentile", "throughput", "p99 over time", "99.9%")
                .contains("<tr class=\"regressed\">", "diff/" + wid + "-cpu.html", "profiles/" + wid + "/cpu-f1.html")
                .contains("Recommendations", "CPU: hot methods", "a.B.hot holds 90.0%")
                .doesNotContain("<script", "src=\"http", "href=\"http", "@import", "url(");
        // German locale must not leak decimal commas into SVG coordinates.
        assertThat(html).doesNotContainPattern("x1=\"\\d+,\\d");
        String md = Files.readString(cand.path().resolve(ReportGenerator.MARKDOWN), StandardCharsets.UTF_8);
        assertThat(md).contains("🔴 regressed", "### Recommendations", "| critical |", "| vault-read | corrected |",
                "not applicable");
    }

    @Test
    void aRunWhoseJmhJsonNamesAnotherJvmThanRunJsonIsFlaggedInBothReports() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        // run.json (RunFixtures) says 17.0.15; JMH says the forks ran in 21.0.5 (run -jvm /other/jdk).
        String otherJvm = jmh(1000).replaceFirst("\\{", "{\"jdkVersion\": \"21.0.5\", ");
        RunFolder f = RunFixtures.create(store, Instant.parse("2026-11-20T10:00:00Z"), RunFixtures.sha('a'), RunStatus.COMPLETE, otherJvm);
        ReportGenerator.write(f, ReportGenerator.collect(f, Optional.empty()));
        String warning = "run.json says JVM 17.0.15 but its jmh.json says the benchmarks ran in 21.0.5";
        assertThat(Files.readString(f.path().resolve(ReportGenerator.HTML), StandardCharsets.UTF_8)).contains(warning);
        assertThat(Files.readString(f.path().resolve(ReportGenerator.MARKDOWN), StandardCharsets.UTF_8)).contains(warning);
        RunFolder same = RunFixtures.create(store, Instant.parse("2026-11-20T11:00:00Z"), RunFixtures.sha('b'), RunStatus.COMPLETE,
                jmh(1000).replaceFirst("\\{", "{\"jdkVersion\": \"17.0.15\", "));
        ReportGenerator.write(same, ReportGenerator.collect(same, Optional.empty()));
        assertThat(Files.readString(same.path().resolve(ReportGenerator.MARKDOWN), StandardCharsets.UTF_8)).doesNotContain("run.json says");
    }

    @Test
    void htmlHasNumericTablesNoInventedPointsAndFoldsTheQuietRules() throws IOException {
        RunFolder run = ReportFixture.run(new ResultsStore(dir));
        ReportGenerator.write(run, ReportGenerator.collect(run, Optional.empty()));
        String html = Files.readString(run.reportHtml(), StandardCharsets.UTF_8);
        assertThat(html).contains("<table class=\"percentiles\">", "<th>p99.9 (ms)</th>", "<td>vault-read</td><td>corrected</td>")
                .contains("<table class=\"scores\">", "<td class=\"n\">11771</td>", "<td class=\"n\">0.04007</td>")
                .contains("Scores (ops/ms, log axis)", "vault-read: throughput (2 partial edge intervals not drawn)")
                .doesNotContain(": 0 requests/s");
        assertThat(html.split("class=\"tick\">[^<]*e\\+", -1)).as("exponent tick labels").hasSize(1);
        // two findings in the table; the nine rules that did not apply are one folded line
        String findings = html.substring(html.indexOf("<table class=\"findings\">"), html.indexOf("</table>", html.indexOf("<table class=\"findings\">")));
        assertThat(findings.split("<tr>", -1)).hasSize(4);
        assertThat(findings).doesNotContain("not applicable");
        assertThat(html.split("<details class=\"folded-na\"><summary>10 rules not applicable: ", -1)).hasSize(2);
        String md = Files.readString(run.reportMarkdown(), StandardCharsets.UTF_8);
        assertThat(md).contains("| scenario | tag | p50 | p90 | p99 | p99.9 | p99.99 | max | count |", "| vault-read | corrected | 0.400 |");
    }

    private static String jmh(double level) {
        return new SyntheticJmh().add("dev.oktyv.bench.vault.VaultBench.get", "thrpt", Map.of("size", "64"), "ops/ms",
                new double[][] {{level, level * 1.01}, {level * 0.99, level}, {level * 1.005, level}}, null).json();
    }
}
