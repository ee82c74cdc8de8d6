package dev.oktyv.bench.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a process runs a JVM, asked before anything is attached: async-profiler's attach to a process that is not
 * Java fails after a while with "Could not start attach mechanism" (exit 3), which reads like a bug in the tool.
 */
final class JavaProcess {

    private JavaProcess() {
    }

    /**
     * True when the process has a JVM loaded ({@code libjvm} in {@code /proc/PID/maps} on Linux) or, where /proc
     * cannot be read, when its executable is {@code java}. Empty when neither can be told: then the attach decides.
     */
    static Optional<Boolean> isJava(long pid) {
        Path maps = Path.of("/proc", Long.toString(pid), "maps");
        if (Files.isReadable(maps)) {
            try {
                String text = Files.readString(maps, StandardCharsets.ISO_8859_1);
                // HotSpot's libjvm.so, OpenJ9's libj9vm*.so; a native image has neither and cannot be attached to.
                return Optional.of(text.contains("/libjvm.") || text.contains("/libj9vm"));
            } catch (IOException e) {
                // Raced with the process exiting or lost access: fall back to the command.
            }
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().command()).map(c -> {
            String name = Path.of(c).getFileName().toString().toLowerCase(Locale.ROOT);
            return name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe");
        });
    }
}
