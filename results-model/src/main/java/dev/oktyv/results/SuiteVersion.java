package dev.oktyv.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The suite's own version, filtered in from the Maven build. */
public final class SuiteVersion {

    private static final String VERSION = load();

    private SuiteVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SuiteVersion.class.getResourceAsStream("suite-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite-version.properties", e);
        }
    }
}
