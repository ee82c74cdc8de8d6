package dev.oktyv.profiles.capture;

import dev.oktyv.profiles.flame.EventKind;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The file-naming contract of profile artifacts, in one place. In a run folder:
 * {@code profiles/<workload-id>/} holding {@code <event>-f<fork>.collapsed}, {@code <event>-f<fork>.html},
 * {@code <event>-f<fork>-reverse.html}, {@code <event>-f<fork>.jfr} for async-profiler events, {@code
 * jfr-f<fork>.jfr} for the JDK Flight Recorder, and {@code profile.json}. Forks are numbered from 1; a load
 * scenario is fork 1.
 */
public final class ProfileArtifacts {

    public static final String PROFILES_DIR = "profiles";
    public static final String MANIFEST = "profile.json";

    private ProfileArtifacts() {
    }

    /** {@code <runFolder>/profiles/<workloadId>}. */
    public static Path workloadDir(Path runFolder, String workloadId) {
        return runFolder.resolve(PROFILES_DIR).resolve(safeId(workloadId));
    }

    public static String collapsed(EventKind e, int fork) {
        return base(e, fork) + ".collapsed";
    }

    public static String html(EventKind e, int fork) {
        return base(e, fork) + ".html";
    }

    public static String reverseHtml(EventKind e, int fork) {
        return base(e, fork) + "-reverse.html";
    }

    public static String asyncJfr(EventKind e, int fork) {
        return base(e, fork) + ".jfr";
    }

    public static String jdkJfr(int fork) {
        checkFork(fork);
        return "jfr-f" + fork + ".jfr";
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
