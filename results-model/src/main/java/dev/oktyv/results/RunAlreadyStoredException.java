package dev.oktyv.results;

import java.io.IOException;

/** Publishing a run whose id the store already holds: refused, the store unchanged (never a silent duplicate). */
public final class RunAlreadyStoredException extends IOException {

    private static final long serialVersionUID = 1L;
    private final RunId id;

    public RunAlreadyStoredException(RunId id, String location) {
        super("run " + id + " is already in the store " + location);
        this.id = id;
    }

    public RunId id() {
        return id;
    }
}
