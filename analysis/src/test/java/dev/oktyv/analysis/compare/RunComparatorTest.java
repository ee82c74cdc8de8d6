package dev.oktyv.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.jmh.Golden;
import dev.oktyv.analysis.stats.Verdict;
import dev.oktyv.analysis.stats.VerdictPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparatorTest {

    @TempDir
    Path dir;

    private Comparison compare() throws IOException {
        CompareFixture f = new CompareFixture(dir);
        return new RunComparator(VerdictPolicy.DEFAULT, FlameDiffLocator.none()).compare(f.baseline, f.candidate);
    }

    @Test
    void verdictsFollowTheDirectionOfTheUnit() throws IOException {
        Map<String, Verdict> v = compare().rows().stream()
                .collect(Collectors.toMap(r -> r.id().methodName() + r.id().paramsSuffix() + "/" + r.metric(), MetricComparison::verdict));
        assertThat(v).containsEntry("get [size=64]/primary", Verdict.REGRESSED)        // ops/ms fell 20%
                .containsEntry("select/primary", Verdict.IMPROVED)             // us/op fell 20%
                .containsEntry("write/primary", Verdict.UNCHANGED)
                .containsEntry("write/gc.alloc.rate.norm", Verdict.REGRESSED)   // B/op doubled
                .containsEntry("call/primary", Verdict.INCONCLUSIVE);           // one fork
    }

    @Test
    void allocationBelowTheAbsoluteFloorIsUnchangedWhateverItsRelativeSize() throws IOException {
        CompareFixture f = new CompareFixture(dir);
        MetricComparison noAlloc = alloc(new RunComparator(VerdictPolicy.DEFAULT, FlameDiffLocator.none()).compare(f.baseline, f.candidate));
        // -33%, and significant: without the floor this is "improved".
        assertThat(noAlloc.change().pValue()).isLessThan(0.01);
        assertThat(noAlloc.change().estimate()).isLessThan(-0.3);
        assertThat(noAlloc.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(noAlloc.why()).contains("below the 8 B/op allocation floor");
        MetricComparison noFloor = alloc(new RunComparator(new VerdictPolicy(0.05, 0.01, 0), FlameDiffLocator.none())
                .compare(f.baseline, f.candidate));
        assertThat(noFloor.verdict()).isEqualTo(Verdict.IMPROVED);
    }

    private static MetricComparison alloc(Comparison c) {
        return c.rows().stream().filter(r -> r.id().methodName().equals("noAlloc") && r.metric().equals("gc.alloc.rate.norm"))
                .findFirst().orElseThrow();
    }

    @Test
    void everyRowSaysWhatItCouldHaveSeenAndUntestedRowsStillShowTheirChange() throws IOException {
        Comparison c = compare();
        MetricComparison select = row(c, "select");
        assertThat(select.detectable().mde()).isGreaterThan(0.05).isLessThan(0.5);
        assertThat(select.detectable().forksPerSide()).isPresent();
        MetricComparison oneFork = row(c, "call");
        assertThat(oneFork.detectable().applicable()).isFalse();
        assertThat(oneFork.observedChange()).isCloseTo(20.05 / 10.05 - 1, org.assertj.core.data.Offset.offset(1e-9));
        String table = new TerminalTableWriter().write(c);
        assertThat(table).contains("+99.5% (untested)", "inconclusive (MDE n/a)",
                "note: 1 of 9 rows: 1 fork on a side, not tested; rerun with -f ≥ 2")
                .containsPattern("improved \\(MDE [0-9.]+%; ~\\d+ forks per side to see 5%\\)");
        assertThat(new MarkdownWriter().write(c)).contains("(untested)", "MDE n/a", "rerun with -f ≥ 2");
        assertThat(new HtmlWriter().write(c)).contains("(untested)", "forks per side to see 5%", "rerun with -f ≥ 2");
        assertThat(c.untestable()).isEqualTo(1);
    }

    private static MetricComparison row(Comparison c, String method) {
        return c.rows().stream().filter(r -> r.id().methodName().equals(method) && r.metric().equals("primary"))
                .findFirst().orElseThrow();
    }

    @Test
    void tableMarkdownAndHtmlShareOneOrderWithNumericParams() throws IOException {
        Comparison c = compare();
        String table = new TerminalTableWriter().write(c);
        String md = new MarkdownWriter().write(c);
        String html = new HtmlWriter().write(c);
        for (String out : List.of(table, md, html)) {
            assertThat(out.indexOf("size=1000]")).as(out).isPositive().isLessThan(out.indexOf("size=100000]"));
        }
        List<String> order = c.regressionsFirst().stream().map(r -> r.id().label() + "/" + r.metric()).toList();
        assertThat(rowOrder(table, order)).isEqualTo(order);
        assertThat(rowOrder(md, order)).isEqualTo(order);
        assertThat(rowOrder(html, order)).isEqualTo(order);
    }

    /** The labels in the order the output shows them. */
    private static List<String> rowOrder(String out, List<String> labels) {
        return out.lines().flatMap(line -> labels.stream().filter(l -> {
            String[] parts = l.split("/", 2);
            String metric = parts[1];
            String label = l.substring(0, l.length() - metric.length() - 1);
            return line.contains(Fmt.html(label)) && line.contains(metric) || line.contains(label) && line.contains(metric);
        }).limit(1)).toList();
    }

    @Test
    void addedAndRemovedAreListed() throws IOException {
        Comparison c = compare();
        assertThat(c.added()).extracting(id -> id.methodName()).containsExactly("added");
        assertThat(c.removed()).extracting(id -> id.methodName()).containsExactly("removed");
        assertThat(c.anyRegression()).isTrue();
    }

    @Test
    void jsonFormatIsSealedByAGoldenFile() throws IOException {
        Golden.assertMatches("compare/comparison-v1.json", new JsonWriter().write(compare()));
    }

    @Test
    void markdownPutsRegressionsFirstAndIsGolden() throws IOException {
        String md = new MarkdownWriter().write(compare());
        assertThat(md.indexOf("🔴 regressed")).isLessThan(md.indexOf("🟢 improved"));
        Golden.assertMatches("compare/comparison.md", md);
    }

    @Test
    void terminalTableIsGolden() throws IOException {
        Golden.assertMatches("compare/comparison.txt", new TerminalTableWriter().write(compare()));
    }

    @Test
    void htmlColoursVerdictsAndEscapes() throws IOException {
        String html = new HtmlWriter().write(compare());
        assertThat(html).contains("<tr class=\"regressed\">", "<tr class=\"improved\">", "<tr class=\"inconclusive\">")
                .doesNotContain("<script");
    }
}
