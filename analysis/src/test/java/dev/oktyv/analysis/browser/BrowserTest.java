package dev.oktyv.analysis.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One headless browser per test class, started before its tests; each test is skipped with a message without one. */
abstract class BrowserTest {

    static Chromium chromium;

    @BeforeAll
    static void start() {
        chromium = Chromium.start();
    }

    @BeforeEach
    void needsChromium() {
        Chromium.assume(chromium);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
