package dev.oktyv.results;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contents of {@code run.json}. Immutable: a run's progress is recorded by writing a new
 * metadata value ({@link #finished}) atomically over the old file.
 *
 * @param formatVersion version of the run-folder format, see {@link RunFolder#FORMAT_VERSION}
 * @param endedAt       empty while the run is in progress, or when it was killed before it could record an end
 */
public record RunMetadata(int formatVersion, String suiteVersion, RunId id, GitInfo git, Instant startedAt,
                          Optional<Instant> endedAt, RunStatus status, List<String> commandLine, HostInfo host,
                          JvmInfo jvm) {

    public RunMetadata {
        if (formatVersion < 1) {
            throw new IllegalArgumentException("formatVersion must be >= 1, was " + formatVersion);
        }
        Objects.requireNonNull(suiteVersion, "suiteVersion");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(status, "status");
        commandLine = List.copyOf(commandLine);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(jvm, "jvm");
        if (endedAt.isPresent() && endedAt.get().isBefore(startedAt)) {
            throw new IllegalArgumentException("endedAt " + endedAt.get() + " is before startedAt " + startedAt);
        }
    }

    /** Metadata for a run that has just started: status {@code incomplete}, no end time. */
    public static RunMetadata started(String suiteVersion, RunId id, GitInfo git, Instant startedAt,
                                      List<String> commandLine, HostInfo host, JvmInfo jvm) {
        return new RunMetadata(RunFolder.FORMAT_VERSION, suiteVersion, id, git, startedAt, Optional.empty(),
                RunStatus.INCOMPLETE, commandLine, host, jvm);
    }

    public RunMetadata finished(Instant at, RunStatus finalStatus) {
        return new RunMetadata(formatVersion, suiteVersion, id, git, startedAt, Optional.of(at), finalStatus,
                commandLine, host, jvm);
    }
}
