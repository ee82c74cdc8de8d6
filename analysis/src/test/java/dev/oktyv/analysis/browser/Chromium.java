package dev.oktyv.analysis.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless chromium driven through {@code /usr/bin/chromedriver}. The driver path is given explicitly so
 * Selenium Manager never tries to download a browser or driver. One instance per test class: starting chromium
 * costs about a second, a page load a few milliseconds.
 */
final class Chromium implements AutoCloseable {

    /** Debian's paths; -Doktyv.chromium / -Doktyv.chromedriver point elsewhere. */
    static final Path BROWSER = Path.of(System.getProperty("oktyv.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("oktyv.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts chromium, or returns null when chromium or its driver is not installed (see {@link #assume}). */
    static Chromium start() {
        if (!installed()) {
            return null;
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // --no-sandbox: CI containers run as root, where chromium's sandbox refuses to start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--hide-scrollbars", "--force-device-scale-factor=1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new Chromium(new ChromeDriver(service, options));
    }

    /** Skips the calling test, with a message saying what to install, when {@link #start} found no browser. */
    static void assume(Chromium chromium) {
        Assumptions.assumeTrue(chromium != null, "browser test skipped: " + BROWSER + " or " + DRIVER
                + " is not installed (apt-get install -y chromium chromium-driver; .ci/run does this)");
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a local page and returns the console errors it logged while loading (empty when clean). */
    List<String> open(Path page) {
        consoleErrors(); // drain what an earlier page logged
        driver.get(page.toUri().toString());
        return consoleErrors();
    }

    /** Console messages at SEVERE level (uncaught exceptions, failed loads) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    @SuppressWarnings("unchecked")
    <T> T js(String script, Object... args) {
        return (T) driver.executeScript(script, args);
    }

    List<String> texts(List<WebElement> elements) {
        return elements.stream().map(e -> (String) js("return arguments[0].textContent;", e)).toList();
    }

    /** A full-page PNG (beyond the window's height) under target/screenshots/, kept for the reviewer's note. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
