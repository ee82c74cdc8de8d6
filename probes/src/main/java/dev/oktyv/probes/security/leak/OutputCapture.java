package dev.oktyv.probes.security.leak;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the process prints while it is open: {@code System.out}, {@code System.err} (where stack traces
 * go) and every {@code java.util.logging} record at any level (SLF4J's too: the suite binds it to JUL),
 * formatted with its parameters and thrown exception. The streams are teed, not swallowed, so a user still sees
 * the output. Global state: the probes run one at a time, so no two captures overlap.
 */
public final class OutputCapture implements AutoCloseable {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<String> records = new ArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Level originalLevel = root.getLevel();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (ignored(r.getLoggerName())) {
                return;
            }
            StringBuilder line = new StringBuilder(r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage());
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    line.append(' ').append(p);
                }
            }
            if (r.getThrown() != null) {
                line.append(' ').append(Throwables.describe(r.getThrown()));
            }
            synchronized (records) {
                records.add(line.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private final List<String> ignoredLoggers;

    private OutputCapture(List<String> ignoredLoggers) {
        this.ignoredLoggers = List.copyOf(ignoredLoggers);
        // The root's console handler binds System.err when it is first created: create it now, before the swap,
        // so it never holds this capture's tee after close.
        root.getHandlers();
        System.setOut(new PrintStream(new Tee(originalOut, printed), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, printed), true, StandardCharsets.UTF_8));
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        // FINEST too: a logger that prints secrets only at debug level still prints them once someone turns it on.
        root.setLevel(Level.ALL);
    }

    public static OutputCapture start() {
        return new OutputCapture(List.of());
    }

    /**
     * As {@link #start()}, leaving out log records of loggers under {@code ignoredLoggerPrefixes}: the probe's own
     * instruments (a loopback SMTP server that logs the AUTH exchange it receives is not the engine leaking it).
     */
    public static OutputCapture ignoring(String... ignoredLoggerPrefixes) {
        return new OutputCapture(List.of(ignoredLoggerPrefixes));
    }

    private boolean ignored(String logger) {
        return logger != null && ignoredLoggers.stream().anyMatch(logger::startsWith);
    }

    /** Everything captured so far: printed bytes and log records, as text. */
    public String text() {
        StringBuilder all = new StringBuilder();
        synchronized (printed) {
            all.append(printed.toString(StandardCharsets.UTF_8));
        }
        synchronized (records) {
            records.forEach(r -> all.append('\n').append(r));
        }
        return all.toString();
    }

    /** Log records captured, for evidence counts. */
    public int recordCount() {
        synchronized (records) {
            return records.size();
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        root.removeHandler(handler);
        root.setLevel(originalLevel);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream through;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream through, ByteArrayOutputStream copy) {
            this.through = through;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                through.write(b);
            } catch (java.io.IOException e) {
                // the console is gone; the copy is what the probe needs
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                through.write(b, off, len);
            } catch (java.io.IOException e) {
                // the console is gone; the copy is what the probe needs
            }
        }
    }
}
