package dev.oktyv.results.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The security phase's outcome, the content of {@code security.json}.
 *
 * @param categories the categories that were selected (with {@code --category}, or all)
 * @param notes      one-line facts about the run that are not findings, e.g. the advisory snapshot's date
 * @param findings   one per probe, in run order
 */
public record SecurityReport(int formatVersion, Instant startedAt, Duration elapsed,
                             List<SecurityCategory> categories, List<String> notes, List<SecurityFinding> findings) {

    public static final int FORMAT_VERSION = 1;

    public SecurityReport {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("security report format version " + formatVersion
                    + " is not " + FORMAT_VERSION);
        }
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(elapsed, "elapsed");
        categories = List.copyOf(categories);
        notes = List.copyOf(notes);
        findings = List.copyOf(findings);
    }

    public SecurityReport(Instant startedAt, Duration elapsed, List<SecurityCategory> categories, List<String> notes,
                          List<SecurityFinding> findings) {
        this(FORMAT_VERSION, startedAt, elapsed, categories, notes, findings);
    }

    public SecurityScore score() {
        return SecurityScore.of(findings);
    }
}
