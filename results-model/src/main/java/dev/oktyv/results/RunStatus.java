package dev.oktyv.results;

import java.util.Locale;

/** Life-cycle state of a run folder, as written in {@code run.json}. */
public enum RunStatus {
    /** The run is in progress, or it was interrupted (Ctrl-C, crash) before it could finish. */
    INCOMPLETE,
    /** Every requested workload finished. */
    COMPLETE,
    /** The run stopped on an error; whatever finished before it is kept. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus fromWireName(String s) {
        for (RunStatus v : values()) {
            if (v.wireName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + s + "', expected one of complete, incomplete, failed");
    }
}
