package dev.oktyv.analysis.model;

/**
 * Why a thread was off CPU. {@link #RUNNING} is the rest of a wall-clock profile (the thread was on CPU or
 * runnable), so that the shares of one profile add up to 100%.
 */
public enum WaitKind {
    SOCKET_READ("socket read"),
    SOCKET_WRITE("socket write"),
    FILE_READ("file read"),
    FILE_WRITE("file write"),
    FILE_SYNC("file sync"),
    LOCK("monitor lock"),
    PARK("park (futex)"),
    OBJECT_WAIT("Object.wait"),
    SLEEP("sleep"),
    RUNNING("running");

    private final String label;

    WaitKind(String label) {
        this.label = label;
    }

    /** The words messages use: "socket read", "park (futex)". */
    public String label() {
        return label;
    }
}
