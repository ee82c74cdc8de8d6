package dev.oktyv.bench.load.merge;

/** Agent folders that cannot be merged (missing file, mismatched scenario or tags); the message names the folder. */
public final class MergeInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MergeInputException(String message) {
        super(message);
    }

    public MergeInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
