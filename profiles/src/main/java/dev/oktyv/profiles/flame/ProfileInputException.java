package dev.oktyv.profiles.flame;

/**
 * The input is not a profile we can read (not JFR, not collapsed stacks, nothing readable). The message is one
 * line naming the file and what is wrong with it; the command line maps it to exit code 2.
 */
public class ProfileInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProfileInputException(String message) {
        super(message);
    }

    public ProfileInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
