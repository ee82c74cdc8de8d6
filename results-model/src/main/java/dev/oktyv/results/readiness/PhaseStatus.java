package dev.oktyv.results.readiness;

import java.util.Locale;

/** A phase's verdict. NOT_RUN always comes with the reason in {@link PhaseResult#notRunReason()}. */
public enum PhaseStatus {
    READY,
    NOT_READY,
    NOT_RUN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
