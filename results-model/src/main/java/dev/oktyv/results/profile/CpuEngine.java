package dev.oktyv.results.profile;

import java.util.Locale;

/**
 * How async-profiler samples cpu. {@code perf} (perf_events cpu-clock) sees kernel and JVM-internal frames
 * and is the most accurate; when the kernel forbids perf_events (containers, {@code perf_event_paranoid}) the
 * fallback is {@code ctimer} (timer_create per thread, still cpu time), then {@code itimer} (one process-wide
 * setitimer, the least precise). Which one ran is recorded in {@code profile.json}.
 */
public enum CpuEngine {
    PERF("cpu", "cpu-clock"),
    CTIMER("ctimer", "ctimer"),
    ITIMER("itimer", "itimer");

    private final String id;
    private final String asyncEvent;

    CpuEngine(String id, String asyncEvent) {
        this.id = id;
        this.asyncEvent = asyncEvent;
    }

    /** Name recorded in profile.json: {@code cpu} (perf_events), {@code ctimer} or {@code itimer}. */
    public String id() {
        return id;
    }

    /**
     * The async-profiler event that selects exactly this engine. Not {@code cpu}: that name silently falls back
     * to another engine, and we want to know which one ran.
     */
    public String asyncEvent() {
        return asyncEvent;
    }

    /** From {@code profile.json}'s {@code cpuEngine}: {@code cpu}, {@code ctimer} or {@code itimer}. */
    public static CpuEngine ofId(String id) {
        for (CpuEngine e : values()) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown cpu engine '" + id + "' (expected cpu, ctimer or itimer)");
    }

    /** Parses an engine preference: {@code auto} (null result), {@code cpu|perf}, {@code ctimer}, {@code itimer}. */
    public static CpuEngine parsePreference(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "auto" -> null;
            case "cpu", "perf" -> PERF;
            case "ctimer" -> CTIMER;
            case "itimer" -> ITIMER;
            default -> throw new IllegalArgumentException("unknown cpu engine '" + value
                    + "' (expected auto, perf, ctimer or itimer)");
        };
    }
}
