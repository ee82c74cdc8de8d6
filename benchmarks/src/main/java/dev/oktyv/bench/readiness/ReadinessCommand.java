package dev.oktyv.bench.readiness;

import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.ResultsDirConverter;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.plugin.PluginSet;
import dev.oktyv.bench.plugin.PluginsOption;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunSession;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.readiness.Criteria;
import dev.oktyv.results.readiness.CriteriaJson;
import dev.oktyv.results.readiness.Phase;
import dev.oktyv.results.readiness.PluginRef;
import dev.oktyv.results.readiness.ReadinessJson;
import dev.oktyv.results.readiness.ReadinessReport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oktyv-bench readiness}: the seed's main job. Runs the selected phases in order into one new run folder
 * (each phase's own files plus {@code production-hardening-results.json}) and prints the verdict.
 */
@Command(name = "readiness", sortOptions = false,
        description = {"Production-readiness verdict: load, security, performance, monitoring and recovery phases",
                "against the embedded engines, judged by the seed's criteria, into one new run folder with",
                "production-hardening-results.json. Exit 0 ready, 1 not ready, 2 bad input, 3 runtime failure."})
public final class ReadinessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    VerboseOption verbose;
    @Mixin
    PluginsOption plugins;

    @Option(names = "--quick", description = "Short phases (about a minute or two on two cores).")
    boolean quick;
    @Option(names = "--phases", split = ",", paramLabel = "PHASE", description = "Only these phases: load, security,"
            + " performance, monitoring, recovery (default: all). Left-out phases do not count in the verdict.")
    List<String> phases = new ArrayList<>();
    @Option(names = "--criteria", paramLabel = "FILE", description = "JSON criteria overriding the seed's defaults"
            + " (see docs/readiness.md).")
    Path criteriaFile;
    @Option(names = "--results-dir", converter = ResultsDirConverter.class, paramLabel = "DIR", defaultValue = "results",
            description = "Results root (default ${DEFAULT-VALUE}).")
    Path resultsDir;

    /** The clock of the run; tests may fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        // Validated before the run folder exists: a usage error leaves no trace in results/.
        Set<Phase> selected = selectedPhases();
        Criteria criteria = criteria();
        List<String> recorded = List.copyOf(spec.commandLine().getParseResult().originalArgs());
        try (URLClassLoader loader = plugins.open(ReadinessCommand.class.getClassLoader())) {
            // Loaded before the run folder exists too: a plug-in that cannot load is bad input, not a failed run.
            return run(selected, criteria, recorded, PluginSet.discover(loader));
        }
    }

    private int run(Set<Phase> selected, Criteria criteria, List<String> recorded, PluginSet checks)
            throws IOException {
        try (RunSession session = RunSession.start(new ResultsStore(resultsDir), Path.of(""), recorded, clock)) {
            PrintStream console = session.console(System.out);
            console.println("run " + session.folder().id() + " -> " + session.folder().path());
            Instant started = clock.instant();
            long t0 = System.nanoTime();
            ReadinessConsole view = new ReadinessConsole(console);
            view.banner();
            List<PluginRef> used = checks.pluginsOf(selected);
            PluginSet.announce(console, used);
            var results = new PhaseSequence(selected, quick, criteria, clock, System.getenv(), checks)
                    .run(session.folder(), console, view);
            ReadinessReport report = ReadinessReport.of(started, Duration.ofNanos(System.nanoTime() - t0), quick,
                    criteria, selected, results).withPlugins(used);
            ReadinessJson.write(session.folder(), report);
            view.verdict(report);
            console.println("wrote " + session.folder().readinessJson());
            console.flush();
            session.finish(RunStatus.COMPLETE);
            return report.ready() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    private Set<Phase> selectedPhases() {
        if (phases.isEmpty()) {
            return EnumSet.allOf(Phase.class);
        }
        Set<Phase> out = EnumSet.noneOf(Phase.class);
        for (String p : phases) {
            try {
                out.add(Phase.fromWire(p.strip()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--phases: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private Criteria criteria() {
        if (criteriaFile == null) {
            return Criteria.DEFAULTS;
        }
        String text;
        try {
            text = Files.readString(criteriaFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("--criteria " + criteriaFile + ": cannot read it (" + e.getClass().getSimpleName()
                    + ")", e);
        }
        try {
            return CriteriaJson.read(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--criteria " + criteriaFile + ": " + e.getMessage(), e);
        }
    }
}
