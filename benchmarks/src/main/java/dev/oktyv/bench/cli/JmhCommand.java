package dev.oktyv.bench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code jmh ARGS...}: JMH's own command line ({@code org.openjdk.jmh.Main}) with the arguments unchanged, for
 * people with JMH muscle memory. It writes no run folder and takes no suite options (not even
 * {@code --verbose}): everything after {@code jmh} belongs to JMH, which also chooses the exit code.
 */
@Command(name = "jmh", description = {"Pass ARGS unchanged to JMH's command line (org.openjdk.jmh.Main),",
        "e.g. 'jmh -l' or 'jmh -h'. No run folder is written; exit codes are JMH's."})
public final class JmhCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ARGS", description = "JMH arguments, unchanged.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(args.toArray(String[]::new));
        return ExitCodes.OK;
    }
}
