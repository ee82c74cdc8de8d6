package dev.oktyv.bench.readiness;

import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.filestore.FileLocation;
import dev.oktyv.bench.filestore.FileStoreOptions;
import dev.oktyv.bench.filestore.S3Settings;
import dev.oktyv.bench.plugin.PluginSet;
import dev.oktyv.bench.plugin.PluginsOption;
import dev.oktyv.analysis.report.ReadinessPages;
import dev.oktyv.results.RunFolder;
import dev.oktyv.bench.store.RunPublisher;
import dev.oktyv.bench.store.StoreOptions;
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
import java.util.Optional;
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
    @Mixin
    FileStoreOptions files;
    @Mixin
    ReadinessTargetOptions targetOptions;

    @Option(names = "--quick", description = "Short phases and the quick JMH subset (about 3.5 min on an idle"
            + " two-core machine).")
    boolean quick;
    @Option(names = "--phases", split = ",", paramLabel = "PHASE", description = "Only these phases: load, security,"
            + " performance, monitoring, recovery (default: all). Left-out phases do not count in the verdict.")
    List<String> phases = new ArrayList<>();
    @Option(names = "--criteria", paramLabel = "FILE", description = "JSON criteria overriding the seed's defaults"
            + " (see docs/readiness.md).")
    Path criteriaFile;
    @Option(names = "--bench", split = ",", paramLabel = "REGEX", description = "The performance phase's benchmarks:"
            + " those whose name contains a match (default: the paired variants under --quick, all otherwise).")
    List<String> bench = new ArrayList<>();
    @Mixin
    StoreOptions store;

    /** The clock of the run; tests may fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        // Validated before the run folder exists: a usage error leaves no trace in results/.
        Set<Phase> selected = selectedPhases();
        Criteria criteria = criteria();
        Optional<S3Settings> s3 = s3(selected);
        if (!bench.isEmpty() && !selected.contains(Phase.PERFORMANCE)) {
            throw new UsageException("--bench chooses the performance phase's benchmarks, but --phases leaves it out");
        }
        if (!bench.isEmpty()) {
            try {
                if (PerformancePhase.selection(quick, bench).isEmpty()) {
                    throw new UsageException("--bench " + String.join(",", bench) + ": no benchmark matches (see `list`)");
                }
            } catch (UsageException e) {
                // The selector's own message names the closest benchmarks; say which option it is about.
                throw e.getMessage().startsWith("--bench") ? e : new UsageException("--bench: " + e.getMessage(), e);
            }
        }
        List<String> recorded = List.copyOf(spec.commandLine().getParseResult().originalArgs());
        Optional<ReadinessTarget> target = targetOptions.target();
        try (URLClassLoader loader = plugins.open(ReadinessCommand.class.getClassLoader())) {
            // Loaded before the run folder exists too: a plug-in that cannot load is bad input, not a failed run.
            return run(selected, criteria, recorded, PluginSet.discover(loader), s3, target);
        } finally {
            target.ifPresent(ReadinessTarget::close);
        }
    }

    private int run(Set<Phase> selected, Criteria criteria, List<String> recorded, PluginSet checks,
                    Optional<S3Settings> s3, Optional<ReadinessTarget> target) throws IOException {
        try (RunPublisher publisher = store.publisher(); RunSession session = publisher.start(Path.of(""), recorded, clock)) {
            PrintStream console = session.console(System.out);
            console.println("run " + session.folder().id() + " -> " + session.folder().path());
            Instant started = clock.instant();
            long t0 = System.nanoTime();
            ReadinessConsole view = new ReadinessConsole(console);
            view.banner();
            List<PluginRef> used = checks.pluginsOf(selected);
            PluginSet.announce(console, used);
            target.ifPresent(t -> console.println("target " + t.url() + " (--target-url): load, monitoring and the"
                    + " service security and recovery probes address it"));
            PhaseSequence sequence = new PhaseSequence(selected, quick, criteria, clock, System.getenv(), checks, bench,
                    session::console, s3, target);
            var results = sequence.run(session.folder(), console, view);
            ReadinessReport report = ReadinessReport.of(started, Duration.ofNanos(System.nanoTime() - t0), quick,
                    criteria, selected, results).withPlugins(used).withStress(sequence.stress())
                    .withPerformance(sequence.performanceEvidence());
            ReadinessJson.write(session.folder(), report);
            view.verdict(report);
            console.println("wrote " + session.folder().readinessJson());
            ReadinessPages.write(session.folder(), report);
            console.println("wrote " + session.folder().reportHtml() + " and " + RunFolder.REPORT_MD);
            console.flush();
            session.finish(RunStatus.COMPLETE);
            return report.ready() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    /** {@code --files s3://…}: only the security phase has an S3 target; anything else is a usage error. */
    private Optional<S3Settings> s3(Set<Phase> selected) {
        try {
            FileLocation location = files.location();
            if (location instanceof FileLocation.Local l) {
                if (l.dir().isPresent()) {
                    throw new IllegalArgumentException("--files '" + l.dir().get() + "': readiness takes only --files"
                            + " s3://BUCKET/PREFIX (for the security phase's S3 probes)");
                }
                return Optional.empty();
            }
            if (!selected.contains(Phase.SECURITY)) {
                throw new IllegalArgumentException("--files s3://… applies to the security phase, which --phases "
                        + phases + " leaves out");
            }
            S3Settings settings = ((FileLocation.S3) location).settings();
            settings.openCredentials().close(); // a wrong passphrase or key is bad input, before the run folder
            return Optional.of(settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
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
