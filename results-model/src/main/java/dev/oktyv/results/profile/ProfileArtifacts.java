package dev.oktyv.results.profile;

import dev.oktyv.results.RunFolder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file-naming contract of profile artifacts, in one place: the capture writes with it and the analysis finds
 * files with it. In a run folder: {@code profiles/<workload-id>/} holding {@code <event>-f<fork>.collapsed},
 * {@code <event>-f<fork>.html}, {@code <event>-f<fork>-reverse.html}, {@code <event>-f<fork>.jfr} for
 * async-profiler events, {@code jfr-f<fork>.jfr} for the JDK Flight Recorder, and {@code profile.json}. Forks are
 * numbered from 1; a load scenario is fork 1.
 */
public final class ProfileArtifacts {

    public static final String MANIFEST = "profile.json";
    private static final String JDK_JFR_EVENT = "jfr";
    private static final Pattern NAME =
            Pattern.compile("(cpu|alloc|lock|wall|jfr)-f(\\d+)(\\.collapsed|-reverse\\.html|\\.html|\\.jfr)");

    private ProfileArtifacts() {
    }

    /** {@code <runFolder>/profiles/<workloadId>}, the id made safe with {@link #safeId}. */
    public static Path workloadDir(Path runFolder, String workloadId) {
        return runFolder.resolve(RunFolder.PROFILES_DIR).resolve(safeId(workloadId));
    }

    /** The name of one artifact; a {@link ArtifactFormat#JDK_JFR} file has no event, see {@link #jdkJfr}. */
    public static String name(EventKind e, int fork, ArtifactFormat format) {
        Objects.requireNonNull(format, "format");
        if (format == ArtifactFormat.JDK_JFR) {
            throw new IllegalArgumentException("the JDK Flight Recorder file has no event: use jdkJfr(fork), got " + e);
        }
        return base(e, fork) + format.suffix();
    }

    public static String collapsed(EventKind e, int fork) {
        return name(e, fork, ArtifactFormat.COLLAPSED);
    }

    public static String html(EventKind e, int fork) {
        return name(e, fork, ArtifactFormat.FLAME_HTML);
    }

    public static String reverseHtml(EventKind e, int fork) {
        return name(e, fork, ArtifactFormat.FLAME_HTML_REVERSE);
    }

    public static String asyncJfr(EventKind e, int fork) {
        return name(e, fork, ArtifactFormat.ASYNC_JFR);
    }

    public static String jdkJfr(int fork) {
        checkFork(fork);
        return JDK_JFR_EVENT + "-f" + fork + ArtifactFormat.JDK_JFR.suffix();
    }

    /** Parses a file name; empty for files that are not profile artifacts ({@code profile.json}, notes). */
    public static Optional<ProfileArtifact> parse(String workloadId, Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        int fork = Integer.parseInt(m.group(2));
        if (fork < 1) {
            return Optional.empty();
        }
        boolean jdk = m.group(1).equals(JDK_JFR_EVENT);
        ArtifactFormat format = switch (m.group(3)) {
            case ".collapsed" -> ArtifactFormat.COLLAPSED;
            case "-reverse.html" -> ArtifactFormat.FLAME_HTML_REVERSE;
            case ".html" -> ArtifactFormat.FLAME_HTML;
            default -> jdk ? ArtifactFormat.JDK_JFR : ArtifactFormat.ASYNC_JFR;
        };
        if (jdk && format != ArtifactFormat.JDK_JFR) {
            return Optional.empty();
        }
        Optional<EventKind> event = jdk ? Optional.empty()
                : Optional.of(EventKind.valueOf(m.group(1).toUpperCase(Locale.ROOT)));
        return Optional.of(new ProfileArtifact(workloadId, event, format, fork, file));
    }

    private static String base(EventKind e, int fork) {
        Objects.requireNonNull(e, "event");
        checkFork(fork);
        return e.id() + "-f" + fork;
    }

    private static void checkFork(int fork) {
        if (fork < 1) {
            throw new IllegalArgumentException("fork numbers start at 1, got " + fork);
        }
    }

    /**
     * The workload id of a JMH benchmark: {@code <fully.qualified.Benchmark.method>[-<param>=<value>...]} with the
     * params sorted by name, unsafe characters replaced by {@code _}. The only definition: the profiler names
     * folders with it and the analysis finds them with it, so the two cannot drift apart (param order, which
     * characters are safe).
     */
    public static String benchmarkId(String benchmark, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(benchmark);
        new TreeMap<>(params).forEach((k, v) -> sb.append('-').append(k).append('=').append(v));
        return safeId(sb.toString());
    }

    /** Replaces every character outside {@code [A-Za-z0-9._=-]} with {@code _}; never empty, never "." or "..". */
    public static String safeId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("workload id must not be empty, got '" + id + "'");
        }
        String s = id.replaceAll("[^A-Za-z0-9._=-]", "_");
        return s.equals(".") || s.equals("..") ? s.replace('.', '_') : s;
    }
}
