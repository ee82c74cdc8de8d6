package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads any supported profile file: a JFR recording (by its magic number) or collapsed-stack text. */
public final class ProfileReader {

    private ProfileReader() {
    }

    /**
     * @param threads put thread names at the root (JFR only: collapsed text has no thread information)
     * @throws ProfileInputException the file is missing, is neither format, or has nothing readable
     */
    public static StackProfile read(Path file, EventKind kind, boolean threads) throws IOException {
        return read(file, kind, threads, w -> System.err.println("warning: " + w));
    }

    /** @param warnings receives one line (without a "warning: " prefix) when the fast JFR reader declines the file (see {@link JfrStackReader}) */
    public static StackProfile read(Path file, EventKind kind, boolean threads,
            java.util.function.Consumer<String> warnings) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ProfileInputException("no such profile file: " + file);
        }
        if (JfrChunks.looksLikeJfr(file)) {
            return JfrStackReader.read(file, kind, threads, warnings);
        }
        if (file.getFileName().toString().endsWith(".jfr")) {
            throw new ProfileInputException("not a JFR recording: " + file + " (no FLR magic at the start)");
        }
        return CollapsedStacks.read(file, kind);
    }
}
