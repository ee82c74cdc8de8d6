package dev.oktyv.bench.cli;

/**
 * A runtime failure whose message already says what happened and what to do (a JMH lock held by another run).
 * Printed as that one line, without the "--verbose for details" hint, and mapped to {@link ExitCodes#RUNTIME_ERROR}.
 */
public class ExplainedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExplainedFailure(String message) {
        super(message);
    }

    public ExplainedFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
