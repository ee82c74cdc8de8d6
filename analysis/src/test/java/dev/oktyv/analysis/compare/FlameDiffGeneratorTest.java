package dev.oktyv.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.jmh.RunLoader;
import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.model.Mode;
import dev.oktyv.analysis.stats.Verdict;
import dev.oktyv.analysis.stats.VerdictPolicy;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two synthetic runs: {@code get} regressed by 20% and both runs hold its cpu profile (the hot frame moved from
 * {@code a} to {@code b}); {@code put} did not move and has profiles too. Only the regressed one gets a diff.
 */
class FlameDiffGeneratorTest {

    private static final String GET = "dev.oktyv.bench.vault.VaultBench.get";
    private static final String PUT = "dev.oktyv.bench.vault.VaultBench.put";

    @TempDir
    Path dir;

    @Test
    void aRegressedBenchmarkProfiledInBothRunsGetsARenderedLinkedDiff() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        RunFolder base = RunFixtures.create(store, t, RunFixtures.sha('a'), RunStatus.COMPLETE, jmh(1000, 500));
        RunFolder cand = RunFixtures.create(store, t.plusSeconds(60), RunFixtures.sha('b'), RunStatus.COMPLETE, jmh(800, 500));
        // Folder names as the profiler writes them (params sorted by the one naming function).
        String getId = dev.oktyv.results.profile.ProfileArtifacts.benchmarkId(GET, params());
        String putId = dev.oktyv.results.profile.ProfileArtifacts.benchmarkId(PUT, params());
        collapsed(base, getId, "java/lang/Thread.run;v/Vault.get;v/Vault.a 800\njava/lang/Thread.run;v/Vault.get;v/Vault.b 200\n");
        collapsed(cand, getId, "java/lang/Thread.run;v/Vault.get;v/Vault.a 200\njava/lang/Thread.run;v/Vault.get;v/Vault.b 800\n");
        collapsed(base, putId, "java/lang/Thread.run;v/Vault.put 100\n");
        collapsed(cand, putId, "java/lang/Thread.run;v/Vault.put 100\n");

        List<String> warnings = new ArrayList<>();
        Comparison c = new RunComparator(VerdictPolicy.DEFAULT, new FlameDiffGenerator(base, cand, warnings::add))
                .compare(RunLoader.load(base), RunLoader.load(cand));

        MetricComparison get = c.rows().stream().filter(r -> r.id().benchmark().equals(GET)).findFirst().orElseThrow();
        assertThat(get.verdict()).isEqualTo(Verdict.REGRESSED);
        String rel = "diff/" + getId + "-cpu.html";
        assertThat(get.flameDiff()).contains(rel);
        String html = Files.readString(cand.path().resolve(rel), StandardCharsets.UTF_8);
        assertThat(html).contains("v/Vault.b", "\"diff\":true", base.id().toString());
        assertThat(warnings).isEmpty();
        // Not regressed: nothing rendered, nothing linked.
        assertThat(cand.path().resolve("diff/" + putId + "-cpu.html")).doesNotExist();
        assertThat(c.rows().stream().filter(r -> r.id().benchmark().equals(PUT))).allSatisfy(r -> assertThat(r.flameDiff()).isEmpty());

        String md = new MarkdownWriter("").write(c);
        assertThat(md).contains("([diff](" + rel + "))");
    }

    @Test
    void theSameLambdaInTwoRunsIsTheSameFrameInTheLinkedDiff() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        RunFolder base = RunFixtures.create(store, t, RunFixtures.sha('a'), RunStatus.COMPLETE, jmh(1000, 500));
        RunFolder cand = RunFixtures.create(store, t.plusSeconds(60), RunFixtures.sha('b'), RunStatus.COMPLETE, jmh(800, 500));
        String getId = dev.oktyv.results.profile.ProfileArtifacts.benchmarkId(GET, params());
        collapsed(base, getId, "java/lang/Thread.run;v/Vault$$Lambda$165.0x0000000800c0d000.get;v/Vault.a 600\n"
                + "java/lang/Thread.run;v/Vault.b 400\n");
        collapsed(cand, getId, "java/lang/Thread.run;v/Vault$$Lambda$170.0x0000000800c11000.get;v/Vault.a 800\n"
                + "java/lang/Thread.run;v/Vault.b 200\n");
        List<String> warnings = new ArrayList<>();
        new RunComparator(VerdictPolicy.DEFAULT, new FlameDiffGenerator(base, cand, warnings::add))
                .compare(RunLoader.load(base), RunLoader.load(cand));
        String html = Files.readString(cand.path().resolve("diff/" + getId + "-cpu.html"), StandardCharsets.UTF_8);
        // One frame on both sides (so nothing is listed as only in the base), with an original name for hover.
        assertThat(html).contains("\"v/Vault$$Lambda.get\"", "\"removed\":[]", "v/Vault$$Lambda$165.0x0000000800c0d000.get");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aSideWithNoSamplesIsAWarningAndNoLink() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        RunFolder base = RunFixtures.create(store, t, RunFixtures.sha('a'), RunStatus.COMPLETE, jmh(1000, 500));
        RunFolder cand = RunFixtures.create(store, t.plusSeconds(60), RunFixtures.sha('b'), RunStatus.COMPLETE, jmh(800, 500));
        String getId = dev.oktyv.results.profile.ProfileArtifacts.benchmarkId(GET, params());
        collapsed(base, getId, "java/lang/Thread.run;v/Vault.a 10\n");
        collapsed(cand, getId, "");
        List<String> warnings = new ArrayList<>();
        Comparison c = new RunComparator(VerdictPolicy.DEFAULT, new FlameDiffGenerator(base, cand, warnings::add))
                .compare(RunLoader.load(base), RunLoader.load(cand));
        assertThat(c.rows()).allSatisfy(r -> assertThat(r.flameDiff()).isEmpty());
        assertThat(warnings).singleElement().asString().contains("no cpu diff flame graph", "no cpu samples");
    }

    @Test
    void analysisAndProfilerNameAWorkloadFolderTheSameWay() {
        Map<String, String> unsorted = new LinkedHashMap<>();
        unsorted.put("size", "64");
        unsorted.put("algo", "AES/GCM+x,y");
        BenchmarkId id = BenchmarkId.of(GET, Mode.THROUGHPUT, unsorted);
        assertThat(id.workloadId())
                .isEqualTo(dev.oktyv.results.profile.ProfileArtifacts.benchmarkId(GET, unsorted))
                .isEqualTo(GET + "-algo=AES_GCM_x_y-size=64");
    }

    private static Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("size", "64");
        p.put("cipher", "gcm");
        return p;
    }

    private static void collapsed(RunFolder f, String wid, String text) throws IOException {
        Files.createDirectories(f.profilesDir(wid));
        Files.writeString(f.profilesDir(wid).resolve("cpu-f1.collapsed"), text);
    }

    private static String jmh(double get, double put) {
        return new SyntheticJmh()
                .add(GET, "thrpt", params(), "ops/ms", forks(get), null)
                .add(PUT, "thrpt", params(), "ops/ms", forks(put), null).json();
    }

    private static double[][] forks(double level) {
        return new double[][] {{level, level * 1.01}, {level * 0.99, level}, {level * 1.005, level}};
    }
}
