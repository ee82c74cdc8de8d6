package dev.oktyv.analysis.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.history.ChangePointDetector;
import dev.oktyv.analysis.history.CommitDates;
import dev.oktyv.analysis.history.HistoryBuilder;
import dev.oktyv.analysis.history.HistoryWriter;
import dev.oktyv.analysis.report.ReadinessPages;
import dev.oktyv.analysis.report.ReportGenerator;
import dev.oktyv.analysis.testing.LoadLogs;
import dev.oktyv.analysis.testing.ReadinessFixture;
import dev.oktyv.analysis.testing.ReportFixture;
import dev.oktyv.analysis.testing.RunFixtures;
import dev.oktyv.analysis.testing.SyntheticJmh;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** report.html and history.html as a reviewer sees them in chromium: readable axes, full names, the numbers. */
class ReportPagesBrowserTest extends BrowserTest {

    /** Per axis: the tick labels, as the browser renders them. */
    private static final String AXES = "return Array.from(document.querySelectorAll('g.axis-x, g.axis-y')).map(g =>"
            + " Array.from(g.querySelectorAll('text.tick')).map(t => t.textContent));";

    private static final String HEX = "0123456789abcdef";

    @TempDir
    static Path dir;

    @Test
    void reportHasReadableAxesFullNamesTablesAndFoldsTheQuietRules() throws Exception {
        RunFolder run = ReportFixture.run(new ResultsStore(dir.resolve("report")));
        ReportGenerator.write(run, ReportGenerator.collect(run, Optional.empty()));
        assertThat(chromium.open(run.reportHtml())).as("console errors").isEmpty();
        chromium.screenshot("report");

        assertReadableAxes();
        // scores from 0.04 to 11,751 ops/ms: a log axis, and the smallest bar is still visible
        WebElement opsMs = svgTitled("Scores (ops/ms, log axis)");
        List<Number> widths = chromium.js("return Array.from(arguments[0].querySelectorAll('rect'))"
                + ".filter(r => r.querySelector('title').textContent.endsWith(' ops/ms')).map(r => r.getBBox().width);", opsMs);
        assertThat(widths).hasSize(ReportFixture.OPS_MS.length).allSatisfy(w -> assertThat(w.doubleValue()).isGreaterThan(5));
        // names are written in full inside the chart, wrapped rather than cut
        List<Map<String, Object>> labels = chromium.js("const s = arguments[0]; return Array.from(s.querySelectorAll('text.bar-label'))"
                + ".map(t => { const b = t.getBBox(); return {text: t.textContent, left: b.x, right: b.x + b.width,"
                + " width: s.viewBox.baseVal.width}; });", opsMs);
        assertThat(labels).allSatisfy(l -> {
            assertThat(((Number) l.get("left")).doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(((Number) l.get("right")).doubleValue()).isLessThanOrEqualTo(((Number) l.get("width")).doubleValue());
        });
        assertThat(labels.stream().filter(l -> ReportFixture.LONG_LABEL.startsWith((String) l.get("text")) || ReportFixture.LONG_LABEL.endsWith((String) l.get("text"))))
                .as("the long name wraps over two lines").hasSize(2);
        assertThat(String.join("", labels.stream().map(l -> (String) l.get("text")).toList())).contains(ReportFixture.LONG_LABEL);

        // the throughput line has no invented drops: the two partial edge intervals are left out, and said so
        WebElement throughput = svgTitled("vault-read: throughput (2 partial edge intervals not drawn)");
        List<String> points = chromium.texts(throughput.findElements(By.cssSelector("circle > title")));
        assertThat(points).hasSize(LoadLogs.COUNTS.length - 2).noneMatch(p -> p.endsWith(": 0 requests/s"));
        assertThat(ticks(svgTitled("vault-read: p99 over time"), "axis-y")).hasSizeGreaterThanOrEqualTo(3);

        WebElement percentiles = chromium.driver().findElement(By.cssSelector("table.percentiles"));
        assertThat(percentiles.getText()).contains("p99.9 (ms)", "p99.99 (ms)", "vault-read corrected", "vault-read service");
        WebElement scores = chromium.driver().findElement(By.cssSelector("table.scores"));
        assertThat(scores.findElements(By.tagName("tr"))).hasSize(ReportFixture.OPS_MS.length + 1);
        assertThat(scores.getText()).contains(ReportFixture.LONG_LABEL, "11771", "0.04007");

        List<WebElement> findings = chromium.driver().findElements(By.cssSelector("table.findings tr"));
        // header + the two findings (hot method; corrected p99 twice the service p99), nothing else
        assertThat(findings).hasSize(3);
        assertThat(findings.get(1).getText()).contains("warning", "CPU: hot methods", "a.B.hot holds 90.0%");
        assertThat(findings.get(2).getText()).contains("warning", "Load: corrected vs uncorrected latency");
        List<WebElement> folded = chromium.driver().findElements(By.cssSelector("details.folded-na"));
        assertThat(folded).singleElement().satisfies(d -> {
            assertThat(d.getText()).matches("(?s)10 rules not applicable: .*");
            assertThat(d.findElements(By.tagName("li"))).allMatch(li -> !li.isDisplayed());
        });
    }

    @Test
    void readinessReportShowsTheFivePhasesOnTopAndItsLinksResolve() throws Exception {
        RunFolder run = ReadinessFixture.create(dir.resolve("readiness"));
        ReadinessPages.write(run);
        assertThat(chromium.open(run.reportHtml())).as("console errors").isEmpty();
        chromium.screenshot("readiness");

        List<WebElement> rows = chromium.driver().findElements(By.cssSelector("table.phases tr.phase"));
        assertThat(rows).extracting(r -> r.getDomAttribute("data-phase"))
                .containsExactly("load", "security", "performance", "monitoring", "recovery");
        assertThat(rows.get(1).getText()).contains("Security Audit", "not ready", "Needs work");
        assertThat(rows.get(4).getText()).contains("not run");
        assertThat(chromium.driver().findElement(By.cssSelector("p.verdict")).getText()).startsWith("❌ NOT READY");
        // the failing criteria are listed above the phase table
        List<Number> tops = chromium.js("return [document.querySelector('ul').getBoundingClientRect().top,"
                + " document.querySelector('table.phases').getBoundingClientRect().top];");
        assertThat(tops.get(0).doubleValue()).isLessThan(tops.get(1).doubleValue());
        List<String> hrefs = chromium.js("return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'));");
        assertThat(hrefs).contains(ReadinessFixture.FLAME).allSatisfy(h -> assertThat(run.path().resolve(h)).isRegularFile());
    }

    @Test
    void historyIsByRunWithIdsCommitsAndErrorBars() throws Exception {
        ResultsStore store = new ResultsStore(dir.resolve("history"));
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double level = (i < 7 ? 1.20e6 : 1.38e6) * (1 + 0.004 * ((i * 7) % 5 - 2));
            String json = new SyntheticJmh().add("dev.oktyv.bench.vault.VaultBench.get", "thrpt", Map.of(), "ops/s",
                    new double[][] {{level, level * 1.01}, {level * 0.99, level}, {level * 1.005, level}}, null).json();
            json = ReportFixture.withErrors(json, level * 0.008);
            RunFolder f = RunFixtures.create(store, t.plusSeconds(3600L * i), RunFixtures.sha(HEX.charAt(i)), RunStatus.COMPLETE, json);
            runIds.add(f.path().getFileName().toString());
        }
        Path page = dir.resolve("history.html");
        Files.writeString(page, HistoryWriter.html(new HistoryBuilder(store, CommitDates.none(), ChangePointDetector.DEFAULT)
                .build(Pattern.compile("Vault"), 50), ChangePointDetector.DEFAULT));
        assertThat(chromium.open(page)).as("console errors").isEmpty();
        chromium.screenshot("history");

        assertReadableAxes();
        WebElement chart = chromium.driver().findElement(By.cssSelector("svg"));
        List<String> x = ticks(chart, "axis-x");
        assertThat(x).hasSize(12).allMatch(l -> l.matches("#\\d+"));
        List<String> hover = chromium.texts(chart.findElements(By.cssSelector("g.axis-x g.tip > title")));
        for (int i = 0; i < 12; i++) {
            assertThat(hover.get(i)).contains("run " + runIds.get(i), "commit " + RunFixtures.sha(HEX.charAt(i)).substring(0, 7));
        }
        assertThat(chart.findElements(By.cssSelector("g.error-bar"))).hasSize(12);
        assertThat(chart.findElements(By.cssSelector("line[stroke-dasharray]"))).as("the level shift").isNotEmpty();
        assertThat(chromium.driver().findElement(By.cssSelector("table.history")).getDomProperty("textContent"))
                .contains(runIds.get(0), runIds.get(11));
    }

    private static WebElement svgTitled(String title) {
        return chromium.driver().findElements(By.cssSelector("svg")).stream()
                .filter(s -> s.findElements(By.cssSelector("text")).stream().anyMatch(t -> title.equals(t.getDomProperty("textContent"))))
                .findFirst().orElseThrow(() -> new AssertionError("no chart titled " + title));
    }

    private static List<String> ticks(WebElement svg, String axis) {
        return chromium.texts(svg.findElements(By.cssSelector("g." + axis + " text.tick")));
    }

    /** Every axis on the page: labels present, no exponent notation, no label twice. */
    private static void assertReadableAxes() {
        List<List<String>> axes = chromium.js(AXES);
        assertThat(axes).isNotEmpty().allSatisfy(labels -> {
            assertThat(labels).isNotEmpty().noneMatch(l -> l.matches(".*\\de[+-]?\\d.*"));
            assertThat(new HashSet<>(labels)).as("distinct: %s", labels).hasSameSizeAs(labels);
        });
    }
}
