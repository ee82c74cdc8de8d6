package dev.oktyv.bench.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on stderr and a distinct exit code. Stack traces only with {@code --verbose},
 * which any sub-command accepts (see {@link VerboseOption}).
 */
public final class ErrorHandler implements IExecutionExceptionHandler {

    public static int onParameterError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + ex.getMessage());
        if (ex instanceof CommandLine.UnmatchedArgumentException) {
            // An unknown option or argument: show what is known.
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                cl.usage(err);
            }
        } else {
            // A bad value for a known option: the message names it; the full usage would bury it.
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        if (verbose(args)) {
            ex.printStackTrace(err);
        }
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = verbose(parsed.originalArgs().toArray(String[]::new));
        if (ex instanceof UsageException) {
            err.println("error: " + ex.getMessage());
            if (verbose) {
                ex.printStackTrace(err);
            }
            return ExitCodes.USAGE;
        }
        if (ex instanceof ExplainedFailure) {
            err.println("error: " + ex.getMessage());
            if (verbose) {
                ex.printStackTrace(err);
            }
            return ExitCodes.RUNTIME_ERROR;
        }
        if (ex instanceof InterruptedException) {
            err.println("interrupted");
            return ExitCodes.INTERRUPTED;
        }
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        err.println("error: " + msg + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            ex.printStackTrace(err);
        }
        return ExitCodes.RUNTIME_ERROR;
    }

    private static boolean verbose(String[] args) {
        return Arrays.asList(args).contains("--verbose");
    }
}
