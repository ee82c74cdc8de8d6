package dev.oktyv.system.batch;

/** The batch an item belonged to failed; the cause is what the {@link BatchHandler} threw. */
public class BatchFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int batchSize;

    public BatchFailedException(int batchSize, Throwable cause) {
        super("batch of " + batchSize + " items failed: " + cause, cause);
        this.batchSize = batchSize;
    }

    public int batchSize() {
        return batchSize;
    }
}
