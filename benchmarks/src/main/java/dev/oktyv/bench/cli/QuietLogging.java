package dev.oktyv.bench.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * SLF4J is bound to {@code java.util.logging} (so the log probes can inspect the engines' log lines), whose default
 * prints INFO to stderr in two lines per record with full stack traces: Jetty's start-up lines, and HikariCP's
 * warnings while the recovery phase breaks connections on purpose, would bury the commands' own output. The command
 * line shows warnings and errors only, one line each (level, logger, message, exception), unless the user
 * configures JUL.
 */
public final class QuietLogging {

    private QuietLogging() {
    }

    public static void install() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler h : root.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                // On the handler too: the log probes open the root logger to every level while they capture.
                h.setLevel(Level.WARNING);
                if (!(h.getFormatter() instanceof OneLine)) {
                    h.setFormatter(new OneLine());
                }
            }
        }
    }

    /** {@code WARNING com.zaxxer.hikari.pool.ProxyConnection: message (SQLException: why)}. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder().append(r.getLevel().getName()).append(' ')
                    .append(r.getLoggerName()).append(": ").append(formatMessage(r));
            if (r.getThrown() != null) {
                b.append(" (").append(r.getThrown().getClass().getSimpleName()).append(": ")
                        .append(r.getThrown().getMessage()).append(')');
            }
            return b.toString().replace('\n', ' ').replace('\r', ' ') + System.lineSeparator();
        }
    }
}
