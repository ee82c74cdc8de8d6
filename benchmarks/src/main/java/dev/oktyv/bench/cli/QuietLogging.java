package dev.oktyv.bench.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SLF4J is bound to {@code java.util.logging} (so the log probes can inspect the engines' log lines), whose default
 * prints INFO to stderr: Jetty's start-up lines and the SMTP test server's chatter would interleave with the
 * commands' own output. The command line shows warnings and errors only, unless the user configures JUL.
 */
public final class QuietLogging {

    private QuietLogging() {
    }

    public static void install() {
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.config.class") == null) {
            Logger.getLogger("").setLevel(Level.WARNING);
        }
    }
}
