package dev.oktyv.bench;

import dev.oktyv.bench.cli.ErrorHandler;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.JmhCommand;
import dev.oktyv.bench.cli.QuietLogging;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.results.SuiteVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code oktyv-bench.jar}. It only wires sub-commands and maps failures to exit codes;
 * each sub-command is a small class in the package of the concept it drives. It sits above {@code bench.cli}
 * (exit codes, errors, shared options), which every command imports, so that package does not import them back.
 */
@Command(name = "oktyv-bench",
        mixinStandardHelpOptions = true,
        versionProvider = OktyvBench.Version.class,
        description = "Oktyv Hardening: JMH benchmarks, load scenarios, profiles and readiness analysis.",
        subcommands = {
                CommandLine.HelpCommand.class,
                dev.oktyv.bench.catalog.ListCommand.class,
                dev.oktyv.bench.run.RunCommand.class,
                JmhCommand.class,
                dev.oktyv.bench.results.ResultsCommand.class,
                dev.oktyv.bench.analysis.CompareCommand.class,
                dev.oktyv.bench.analysis.AnalyzeCommand.class,
                dev.oktyv.bench.analysis.HistoryCommand.class,
                dev.oktyv.bench.analysis.ReportCommand.class,
                dev.oktyv.bench.load.cli.LoadCommand.class,
                dev.oktyv.bench.profile.FlameCommand.class,
                dev.oktyv.bench.profile.ProfileCommand.class,
                dev.oktyv.bench.serve.ServeCommand.class,
                dev.oktyv.bench.security.SecurityCommand.class,
                dev.oktyv.bench.recovery.RecoveryCommand.class,
                dev.oktyv.bench.readiness.ReadinessCommand.class,
                dev.oktyv.bench.store.StoreCommand.class,
        })
public final class OktyvBench implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (tests call this, not main). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        QuietLogging.install();
        CommandLine cl = new CommandLine(new OktyvBench());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::onParameterError);
        // Enum options (--format, --fail-on, --stress-by, --method) take their values in any case: md, MD.
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(t -> t instanceof UsageException ? ExitCodes.USAGE : ExitCodes.RUNTIME_ERROR);
        // Everything after "jmh" is JMH's, options included: no picocli parsing, no @-file expansion of its own.
        cl.getSubcommands().get("jmh").setUnmatchedOptionsArePositionalParams(true).setStopAtPositional(true);
        dev.oktyv.bench.run.RunCommand.configure(cl.getSubcommands().get("run"));
        addHelpOptions(cl);
        return cl.execute(args);
    }

    /**
     * Gives every sub-command (and theirs) {@code -h/--help}, in one place, so a new sub-command cannot forget it.
     * Only the help option, not {@code --version}: sub-commands have no version of their own. {@code jmh} is left
     * alone because everything after it, {@code -h} included, belongs to JMH.
     */
    static void addHelpOptions(CommandLine parent) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (s.userObject() instanceof JmhCommand) {
                continue;
            }
            boolean hasHelp = s.options().stream().anyMatch(o -> o.usageHelp());
            if (!hasHelp) {
                java.util.List<String> names = new java.util.ArrayList<>();
                for (String n : new String[] {"-h", "--help"}) {
                    if (s.findOption(n) == null) {
                        names.add(n);
                    }
                }
                if (!names.isEmpty()) {
                    s.addOption(CommandLine.Model.OptionSpec.builder(names.toArray(String[]::new)).usageHelp(true)
                            .description("Show this help message and exit.").build());
                }
            }
            addHelpOptions(sub);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"oktyv-bench " + SuiteVersion.get(),
                    "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")};
        }
    }
}
