package dev.oktyv.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.jmh.Golden;
import dev.oktyv.analysis.stats.Verdict;
import dev.oktyv.analysis.stats.VerdictPolicy;
import java.io.IOException;
import java.nio.file.Path;
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
                .collect(Collectors.toMap(r -> r.id().methodName() + "/" + r.metric(), MetricComparison::verdict));
        assertThat(v).containsEntry("get/primary", Verdict.REGRESSED)        // ops/ms fell 20%
                .containsEntry("select/primary", Verdict.IMPROVED)             // us/op fell 20%
                .containsEntry("write/primary", Verdict.UNCHANGED)
                .containsEntry("write/gc.alloc.rate.norm", Verdict.REGRESSED)   // B/op doubled
                .containsEntry("call/primary", Verdict.INCONCLUSIVE);           // one fork
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
        assertThat(md.indexOf("regressed |")).isLessThan(md.indexOf("improved |"));
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
