package dev.oktyv.bench.recovery;

import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.plugin.PluginSet;
import dev.oktyv.bench.plugin.PluginsOption;
import dev.oktyv.bench.load.scenario.http.ServiceTarget;
import dev.oktyv.bench.store.RunPublisher;
import dev.oktyv.bench.store.StoreOptions;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryRunner;
import dev.oktyv.probes.recovery.service.RemoteService;
import dev.oktyv.results.RunSession;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.readiness.PluginKind;
import dev.oktyv.results.recovery.RecoveryReport;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oktyv-bench recovery}: breaks connections and processes on purpose and writes {@code recovery.json}. */
@Command(name = "recovery", sortOptions = false,
        description = {"Error-recovery probes: real faults (TCP fault proxy, server stop, SIGKILL), judged from the",
                "engines' own events. Writes recovery.json into a new run folder. Exit 0 when every probe that ran",
                "passed, 1 when one failed."})
public final class RecoveryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    VerboseOption verbose;
    @Mixin
    PluginsOption plugins;

    @Option(names = "--probe", paramLabel = "REGEX", description = "Only probes whose id matches (find, not full match).")
    String probe;
    @Option(names = "--target-url", paramLabel = "URL", description = "A running Oktyv service for the service probes.")
    String targetUrl;
    @Option(names = "--target-token-file", paramLabel = "FILE", description = "File holding --target-url's bearer token.")
    Path targetTokenFile;
    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        // The loader stays open while the probes run: their classes come from it.
        try (URLClassLoader loader = plugins.open(RecoveryCommand.class.getClassLoader())) {
            // Loaded before the run folder exists: a plug-in that cannot load is bad input, not a failed run.
            return run(PluginSet.discover(loader));
        }
    }

    private int run(PluginSet checks) throws Exception {
        // Validated before the run folder exists: a usage error leaves no trace in results/.
        Optional<Pattern> filter;
        try {
            filter = probe == null ? Optional.empty() : Optional.of(Pattern.compile(probe));
        } catch (PatternSyntaxException e) {
            throw new UsageException("--probe '" + probe + "' is not a regular expression: " + e.getDescription());
        }
        List<RecoveryProbe> all = checks.recoveryProbes();
        List<RecoveryProbe> selected = RecoveryRunner.select(all, filter);
        if (selected.isEmpty()) {
            throw new UsageException("--probe '" + probe + "' matches no recovery probe (available: "
                    + String.join(", ", all.stream().map(RecoveryProbe::id).toList()) + ")");
        }
        if ((targetUrl == null) != (targetTokenFile == null)) {
            throw new UsageException("--target-url and --target-token-file go together; give both or neither");
        }
        Optional<RemoteService> remote;
        try {
            remote = targetUrl == null ? Optional.empty() : Optional.of(RemoteService.of(targetUrl,
                    ServiceTarget.readTokenFile(targetTokenFile)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        try (RunPublisher publisher = store.publisher(); RunSession session = publisher.start(Path.of(""),
                spec.commandLine().getParseResult().originalArgs(), Clock.systemUTC())) {
            PrintStream console = session.console(System.out);
            console.println("run " + session.folder().id() + " -> " + session.folder().path());
            checks.announce(console, PluginKind.RECOVERY_PROBE, selected.stream().map(RecoveryProbe::id).toList());
            RecoveryReport report = RecoveryPhase.execute(selected, remote, session.folder(), console,
                    Clock.systemUTC());
            console.flush();
            session.finish(RunStatus.COMPLETE);
            return report.allPassed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }
}
