package dev.oktyv.system.vault;

import java.util.Arrays;

/** One {@code set} or {@code delete} waiting for a group commit; completed by whichever thread leads it. */
final class PendingWrite {

    final RecordType type;
    final String key;
    /** UTF-8 value for PUT; wiped once sealed. */
    final byte[] plaintext;
    private boolean done;
    private boolean existed;
    private RuntimeException failure;

    PendingWrite(RecordType type, String key, byte[] plaintext) {
        this.type = type;
        this.key = key;
        this.plaintext = plaintext;
    }

    // Fields below are written by the leader, then read by the owner after GroupCommitter's mutex ordered them.

    boolean isDone() {
        return done;
    }

    void existedBefore(boolean keyExisted) {
        existed = keyExisted;
    }

    void complete() {
        done = true;
    }

    void fail(RuntimeException e) {
        failure = e;
        done = true;
    }

    void wipe() {
        if (plaintext != null) {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Whether the key existed before this write (what {@code delete} returns). */
    boolean result() {
        if (!done) {
            throw new IllegalStateException("write of key '" + key + "' was never committed");
        }
        if (failure != null) {
            throw failure;
        }
        return existed;
    }
}
