package dev.oktyv.analysis.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file under {@code profiles/<workload-id>/}, recognised by the file-name contract of the profiling
 * capture: {@code <event>-f<fork>.collapsed|.html|-reverse.html|.jfr} for async-profiler events and
 * {@code jfr-f<fork>.jfr} for JDK Flight Recorder.
 */
public record ProfileArtifact(String workloadId, ProfileEvent event, ArtifactFormat format, int fork, Path path) {

    private static final Pattern NAME =
            Pattern.compile("(cpu|alloc|lock|wall|jfr)-f(\\d+)(\\.collapsed|-reverse\\.html|\\.html|\\.jfr)");

    public ProfileArtifact {
        Objects.requireNonNull(workloadId, "workloadId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(path, "path");
        if (fork < 1) {
            throw new IllegalArgumentException("fork must be >= 1, was " + fork);
        }
    }

    /** Parses a file name; empty for files that are not profile artifacts (profile.json, notes). */
    public static Optional<ProfileArtifact> parse(String workloadId, Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        ProfileEvent event = ProfileEvent.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
        ArtifactFormat format = switch (m.group(3)) {
            case ".collapsed" -> ArtifactFormat.COLLAPSED;
            case "-reverse.html" -> ArtifactFormat.FLAME_HTML_REVERSE;
            case ".html" -> ArtifactFormat.FLAME_HTML;
            default -> ArtifactFormat.JFR;
        };
        return Optional.of(new ProfileArtifact(workloadId, event, format, Integer.parseInt(m.group(2)), file));
    }

    public enum ProfileEvent { CPU, ALLOC, LOCK, WALL, JFR;
        public String fileName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum ArtifactFormat { COLLAPSED, FLAME_HTML, FLAME_HTML_REVERSE, JFR }
}
