package dev.oktyv.profiles.jfr;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import jdk.jfr.Configuration;

/**
 * The suite's JFR settings, {@code oktyv.jfc}: one file, at the root of the profiles jar (source:
 * {@code profiles/src/main/resources/oktyv.jfc}). Execution samples every 10 ms, allocation sampling, monitor
 * enter and park over 1 ms, GC and safepoint events, file and socket I/O over 1 ms. docs/profiling.md explains
 * each setting and its measured overhead.
 */
public final class OktyvJfc {

    /** Class-path location of the settings file. */
    public static final String RESOURCE = "/oktyv.jfc";

    private OktyvJfc() {
    }

    /** The settings file's text, e.g. to write it next to a run for {@code -XX:StartFlightRecording:settings=}. */
    public static String text() {
        try (InputStream in = OktyvJfc.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("oktyv.jfc is missing from the class path (expected at " + RESOURCE + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parsed configuration, for {@code new jdk.jfr.Recording(OktyvJfc.configuration())}. */
    public static Configuration configuration() {
        try {
            return Configuration.create(new StringReader(text()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("oktyv.jfc does not parse: " + e.getMessage(), e);
        }
    }
}
