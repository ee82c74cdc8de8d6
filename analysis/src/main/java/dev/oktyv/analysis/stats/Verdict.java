package dev.oktyv.analysis.stats;

import java.util.Locale;

/** The outcome of comparing one metric across two runs. */
public enum Verdict {
    REGRESSED, IMPROVED, UNCHANGED, INCONCLUSIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
