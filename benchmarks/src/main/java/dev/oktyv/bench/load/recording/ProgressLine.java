package dev.oktyv.bench.load.recording;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The live line printed each second: elapsed, achieved rate, interval p50/p99, errors and dropped. */
public final class ProgressLine {

    private final PrintStream err;
    private final boolean enabled;

    public ProgressLine(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Enabled unless {@code quiet} or stderr is not a terminal (piped output would fill logs with one line a second). */
    public static ProgressLine forTerminal(PrintStream err, boolean quiet) {
        return new ProgressLine(err, !quiet && stderrIsTerminal(Path.of("/proc/self/fd/2")));
    }

    /**
     * Whether file descriptor 2 is a terminal. {@code System.console()} on JDK 17 looks at stdin and stdout, so
     * {@code load 2>log} on a terminal would still print the line into the log, and {@code load | tee} would not
     * print it at all. On Linux the descriptor's link names its device: a pseudo-terminal or a tty. Elsewhere
     * (no /proc) fall back to {@code System.console()}.
     */
    static boolean stderrIsTerminal(Path fd2) {
        try {
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    public void print(String scenario, boolean warmup, double elapsedSeconds, double ratePerSecond, double p50Nanos,
                      double p99Nanos, long errors, long dropped) {
        if (enabled) {
            err.println(format(scenario, warmup, elapsedSeconds, ratePerSecond, p50Nanos, p99Nanos, errors, dropped));
        }
    }

    static String format(String scenario, boolean warmup, double elapsedSeconds, double ratePerSecond, double p50Nanos,
                         double p99Nanos, long errors, long dropped) {
        return String.format(Locale.ROOT, "%s %s%6.1fs %10.1f/s  p50 %s  p99 %s  errors %d  dropped %d", scenario,
                warmup ? "warmup " : "", elapsedSeconds, ratePerSecond, millis(p50Nanos), millis(p99Nanos), errors,
                dropped);
    }

    private static String millis(double nanos) {
        return Double.isNaN(nanos) ? "    -    " : String.format(Locale.ROOT, "%7.3fms", nanos / 1e6);
    }
}
