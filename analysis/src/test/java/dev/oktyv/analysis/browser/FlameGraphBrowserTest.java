package dev.oktyv.analysis.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.profiles.flame.DiffFlameGraphConverter;
import dev.oktyv.profiles.flame.FlameGraphConverter;
import dev.oktyv.profiles.flame.ProfileDiff;
import dev.oktyv.profiles.flame.StackProfile;
import dev.oktyv.results.profile.EventKind;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The flame graph and the differential flame graph, opened in headless chromium: search and zoom really work. */
class FlameGraphBrowserTest extends BrowserTest {

    private static final int ROW = 16;
    /** The search highlight colour of flame-template.html (#e040e0). */
    private static final String COUNT_HIGHLIGHTED = "const c = document.getElementById('cv');"
            + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
            + "for (let i = 0; i < d.length; i += 4) if (d[i] === 224 && d[i + 1] === 64 && d[i + 2] === 224) n++;"
            + "return n;";

    @TempDir
    static Path dir;

    static StackProfile profile(long hot, long cold) {
        return StackProfile.builder(EventKind.CPU)
                .add(List.of("java.lang.Thread.run", "dev.oktyv.Worker.loop", "dev.oktyv.Codec.hotEncode"), hot)
                .add(List.of("java.lang.Thread.run", "dev.oktyv.Worker.loop", "dev.oktyv.Store.coldLookup"), cold)
                .add(List.of("java.lang.Thread.run", "dev.oktyv.Gc.idle"), 10)
                .build();
    }

    @Test
    void flameGraphSearchHighlightsMatchingFramesAndAClickZoomsIntoTheFrame() throws Exception {
        Path page = dir.resolve("flame.html");
        try (OutputStream out = Files.newOutputStream(page)) {
            new FlameGraphConverter("cpu flame graph").write(profile(800, 200), out);
        }
        searchAndZoom(page, "flame-graph");
    }

    @Test
    void diffFlameGraphSearchHighlightsMatchingFramesAndAClickZoomsIntoTheFrame() throws Exception {
        Path page = dir.resolve("diff.html");
        StackProfile base = StackProfile.builder(EventKind.CPU).add(List.of("java.lang.Thread.run", "dev.oktyv.Old.gone"), 50)
                .add(List.of("java.lang.Thread.run", "dev.oktyv.Worker.loop", "dev.oktyv.Codec.hotEncode"), 500).build();
        try (OutputStream out = Files.newOutputStream(page)) {
            new DiffFlameGraphConverter("cpu diff").write(ProfileDiff.of(base, profile(800, 200)), "base → candidate", out);
        }
        searchAndZoom(page, "diff-flame-graph");
        assertThat(chromium.driver().findElement(By.id("removed")).getText()).contains("dev.oktyv.Old.gone");
    }

    private void searchAndZoom(Path page, String screenshot) throws Exception {
        assertThat(chromium.open(page)).as("console errors").isEmpty();
        WebElement canvas = chromium.driver().findElement(By.id("cv"));
        assertThat(canvas.getDomAttribute("data-root")).isEqualTo("all");
        assertThat((Long) chromium.js(COUNT_HIGHLIGHTED)).isZero();

        WebElement search = chromium.driver().findElement(By.id("search"));
        search.sendKeys("Codec\\.hot", Keys.ENTER);
        assertThat(canvas.getDomAttribute("data-matched")).isEqualTo("1");
        assertThat(chromium.driver().findElement(By.id("matched")).getText()).startsWith("matched 800 samples");
        assertThat((Long) chromium.js(COUNT_HIGHLIGHTED)).as("highlighted pixels").isGreaterThan(100);
        chromium.screenshot(screenshot + "-search");

        // depth 2 (all → Thread.run → Worker.loop) covers the left 1000/1010 of the width
        clickRow(canvas, 2, 0.10);
        assertThat(canvas.getDomAttribute("data-root")).isEqualTo("dev.oktyv.Worker.loop");
        assertThat(canvas.getDomAttribute("data-root-depth")).isEqualTo("2");
        // zoomed: Codec.hotEncode (80% of Worker.loop) now starts at the left edge and spans most of the width
        clickRow(canvas, 3, 0.75);
        assertThat(canvas.getDomAttribute("data-root")).isEqualTo("dev.oktyv.Codec.hotEncode");
        chromium.screenshot(screenshot + "-zoomed");
        chromium.driver().findElement(By.id("reset")).click();
        assertThat(canvas.getDomAttribute("data-root")).isEqualTo("all");
        chromium.driver().findElement(By.id("clear")).click();
        assertThat((Long) chromium.js(COUNT_HIGHLIGHTED)).isZero();
        assertThat(chromium.consoleErrors()).as("console errors after interaction").isEmpty();
    }

    /** Clicks the frame row {@code depth} (0 = root, drawn at the bottom) at a fraction of the canvas width. */
    private static void clickRow(WebElement canvas, int depth, double fraction) {
        int w = canvas.getRect().getWidth();
        int h = canvas.getRect().getHeight();
        int x = (int) (w * fraction) - w / 2;
        int y = h - depth * ROW - ROW / 2 - h / 2;
        new Actions(chromium.driver()).moveToElement(canvas, x, y).click().perform();
    }
}
