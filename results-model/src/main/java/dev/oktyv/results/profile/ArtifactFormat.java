package dev.oktyv.results.profile;

/**
 * The kinds of file in {@code profiles/<workload-id>/}. An async-profiler event has all four of its own; the JDK
 * Flight Recorder, which records every event type at once, only {@link #JDK_JFR}.
 */
public enum ArtifactFormat {
    /** {@code <event>-f<fork>.collapsed}: one line per distinct stack, then its weight. */
    COLLAPSED(".collapsed"),
    /** {@code <event>-f<fork>.html}: the flame graph. */
    FLAME_HTML(".html"),
    /** {@code <event>-f<fork>-reverse.html}: the icicle graph, callers of hot methods. */
    FLAME_HTML_REVERSE("-reverse.html"),
    /** {@code <event>-f<fork>.jfr}: async-profiler's own recording of one event. */
    ASYNC_JFR(".jfr"),
    /** {@code jfr-f<fork>.jfr}: the JDK Flight Recorder with {@code oktyv.jfc}; no event of its own. */
    JDK_JFR(".jfr");

    private final String suffix;

    ArtifactFormat(String suffix) {
        this.suffix = suffix;
    }

    /** What follows {@code <event>-f<fork>} (or {@code jfr-f<fork>}) in the file name. */
    String suffix() {
        return suffix;
    }
}
