package dev.oktyv.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The life cycle of one run folder, shared by every workload command ({@code run}, {@code load}, probes).
 *
 * <p>{@code run.json} is written with status {@code incomplete} before any work starts, so a crash or a
 * SIGKILL leaves an honest {@code incomplete} folder with whatever finished. {@link #finish} rewrites it
 * atomically with the final status. A JVM shutdown hook (Ctrl-C) records the end time and keeps the status
 * {@code incomplete}.
 *
 * <p>The console log is streamed to {@code console.log.partial} and renamed to {@code console.log} when the
 * run ends; a folder holding only the {@code .partial} file tells the reader the process died mid-run.
 */
public final class RunSession implements AutoCloseable {

    private static final String CONSOLE_PARTIAL = RunFolder.CONSOLE_LOG + ".partial";

    private final RunFolder folder;
    private final Clock clock;
    private final OutputStream consoleFile;
    private final Thread shutdownHook;
    private RunMetadata metadata;
    private boolean finished;

    private RunSession(RunFolder folder, RunMetadata metadata, Clock clock) throws IOException {
        this.folder = folder;
        this.metadata = metadata;
        this.clock = clock;
        this.consoleFile = Files.newOutputStream(folder.path().resolve(CONSOLE_PARTIAL),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.shutdownHook = new Thread(this::onShutdown, "oktyv-run-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Creates a new run folder under {@code store} for the code checked out at {@code sourceDir} and records
     * the start. The folder is new: an earlier run is never touched.
     */
    public static RunSession start(ResultsStore store, Path sourceDir, List<String> commandLine, Clock clock)
            throws IOException {
        return start(store, sourceDir, commandLine, clock, HostInfo.detect());
    }

    /** Like {@link #start(ResultsStore, Path, List, Clock)} on a host described by the caller (e.g. its host class). */
    public static RunSession start(ResultsStore store, Path sourceDir, List<String> commandLine, Clock clock, HostInfo host)
            throws IOException {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        GitInfo git = GitInfo.detect(sourceDir);
        var now = clock.instant();
        RunFolder folder = store.create(RunId.of(now, git.shortCommit(), git.dirty()));
        RunMetadata m = RunMetadata.started(SuiteVersion.get(), folder.id(), git, now, commandLine,
                host, JvmInfo.detect());
        folder.writeMetadata(m);
        return new RunSession(folder, m, clock);
    }

    public RunFolder folder() {
        return folder;
    }

    public synchronized RunMetadata metadata() {
        return metadata;
    }

    /**
     * A stream that writes to both {@code echo} (usually stdout) and the run's console log. Closing it does not
     * close {@code echo}.
     */
    public PrintStream console(OutputStream echo) {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                echo.write(b);
                writeLog(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                echo.write(b, off, len);
                writeLog(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                echo.flush();
                synchronized (RunSession.this) {
                    if (!finished) {
                        consoleFile.flush();
                    }
                }
            }
        };
        return new PrintStream(tee, true, StandardCharsets.UTF_8);
    }

    private synchronized void writeLog(byte[] b, int off, int len) throws IOException {
        if (!finished) {
            consoleFile.write(b, off, len);
        }
    }

    /** Records the final status and end time atomically and publishes {@code console.log}. Idempotent. */
    public synchronized void finish(RunStatus status) throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        consoleFile.close();
        Files.move(folder.path().resolve(CONSOLE_PARTIAL), folder.consoleLog(), StandardCopyOption.ATOMIC_MOVE);
        metadata = metadata.finished(clock.instant(), status);
        folder.writeMetadata(metadata);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run; nothing to undo.
        }
    }

    private void onShutdown() {
        try {
            finish(RunStatus.INCOMPLETE);
        } catch (IOException e) {
            System.err.println("warning: could not record the end of run " + folder.id() + ": " + e.getMessage());
        }
    }

    /** Closes as {@code failed} unless {@link #finish} was called: an exception escaped the workload. */
    @Override
    public void close() {
        try {
            finish(RunStatus.FAILED);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the end of run " + folder.id(), e);
        }
    }
}
