package dev.oktyv.bench.cli;

/** Process exit codes of {@code oktyv-bench}. Scripts depend on these; do not renumber. */
public final class ExitCodes {

    /** Everything ran and every check passed. */
    public static final int OK = 0;
    /** The run finished but a check failed: a threshold, a regression gate, a readiness criterion. */
    public static final int CHECK_FAILED = 1;
    /** Bad command line or bad input file: nothing was run. */
    public static final int USAGE = 2;
    /** The suite failed while running (I/O error, a benchmark crashed with --foe, ...). */
    public static final int RUNTIME_ERROR = 3;
    /** Interrupted by Ctrl-C; whatever finished has been kept. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
