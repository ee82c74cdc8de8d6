package dev.oktyv.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.jmh.Golden;
import dev.oktyv.analysis.testing.ReadinessFixture;
import dev.oktyv.results.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessPagesTest {

    @TempDir
    Path dir;

    @Test
    void markdownIsTheGoldenFile() throws IOException {
        RunFolder f = ReadinessFixture.create(dir);
        ReadinessPages.write(f);
        Golden.assertMatches("readiness/report.md", Files.readString(f.reportMarkdown(), StandardCharsets.UTF_8));
    }

    @Test
    void failingCriteriaComeBeforeThePhasesAndTheDetail() throws IOException {
        RunFolder f = ReadinessFixture.create(dir);
        ReadinessPages.write(f);
        String md = Files.readString(f.reportMarkdown(), StandardCharsets.UTF_8);
        int failing = md.indexOf("- Security Audit: score >= 90 failed, measured 85");
        int notRun = md.indexOf("- Error Recovery: not run (failed to run: IOException: no space left)");
        int table = md.indexOf("| Load Testing |");
        int detail = md.indexOf("### Load");
        assertThat(failing).isPositive().isLessThan(table);
        assertThat(notRun).isPositive().isLessThan(table);
        assertThat(table).isLessThan(detail);
        assertThat(md).contains("❌ NOT READY").contains("| connection pooling |").contains("[5.10×, 7.70×]")
                .contains("| http |");
    }

    @Test
    void everyHtmlLinkResolvesToAFileInTheRunFolder() throws IOException {
        RunFolder f = ReadinessFixture.create(dir);
        ReadinessPages.write(f);
        String html = Files.readString(f.reportHtml(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        int links = 0;
        while (m.find()) {
            links++;
            assertThat(f.path().resolve(m.group(1))).as(m.group(1)).isRegularFile();
        }
        assertThat(links).isGreaterThanOrEqualTo(3);
        assertThat(html).contains("data-phase=\"load\"", "data-phase=\"recovery\"");
    }
}
