package dev.oktyv.bench.cli;

/**
 * Bad user input found after option parsing (a regex that matches no benchmark, a malformed
 * threshold, a file that is not JFR...). Printed as one line and mapped to exit code {@link ExitCodes#USAGE}.
 */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
