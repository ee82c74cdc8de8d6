package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.executor.LoadModel;
import dev.oktyv.bench.load.executor.Pacer;
import dev.oktyv.bench.load.recording.ProgressLine;
import dev.oktyv.bench.filestore.FileStoreOptions;
import dev.oktyv.bench.filestore.StoreBackend;
import dev.oktyv.bench.load.scenario.CacheSetting;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.load.scenario.http.ServiceTarget;
import dev.oktyv.bench.load.stress.StressPlan;
import dev.oktyv.bench.load.thresholds.Threshold;
import dev.oktyv.bench.store.RunPublisher;
import dev.oktyv.bench.store.StoreOptions;
import dev.oktyv.bench.plugin.PluginSet;
import dev.oktyv.bench.plugin.PluginsOption;
import dev.oktyv.profiles.capture.ProfileRequest;
import dev.oktyv.results.RunSession;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.readiness.PluginKind;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oktyv-bench load [SCENARIO-REGEX...]}: runs load scenarios into a new run folder. The options live in
 * mixins by concept (load shape, generic HTTP target, running service, stress); this class validates them
 * together ({@link ScenarioSelection}: which scenarios, {@link StressSteps}: the steps), before the run folder
 * exists, and runs each scenario.
 */
@Command(name = "load", sortOptions = false, subcommands = LoadMergeCommand.class,
        description = {"Run load scenarios (open or closed model) with coordinated-omission-corrected latencies.",
                "Writes load/<scenario>/summary.json and latency.hlog into a new run folder."})
public final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    VerboseOption verbose;
    @Mixin
    PluginsOption plugins;

    @Parameters(arity = "0..*", paramLabel = "SCENARIO-REGEX", description = "Scenarios whose id matches (all when none).")
    List<String> regexes = new ArrayList<>();
    @Mixin
    LoadModelOptions shape;
    @Option(names = "--threshold", paramLabel = "EXPR", description = "k6-style criterion, e.g. 'p95<200ms', 'error_rate<1%%',"
            + " 'dropped_rate<1%%', 'dropped==0'. Default: error_rate<1%%, plus dropped_rate<1%% with an intended rate.")
    List<String> thresholds = new ArrayList<>();
    @Option(names = "--quiet", description = "No live progress line.")
    boolean quiet;
    @Option(names = "--profile", paramLabel = "EVENTS", description = {"Profile each scenario's measured phase (after"
            + " --warmup): a comma-separated subset of", "cpu, alloc, lock, wall, jfr, into profiles/<scenario-id>/."})
    String profile;
    @Mixin
    StoreOptions store;
    @Option(names = "--cache", paramLabel = "on|off", defaultValue = "off", description = {"Read-through cache in front"
            + " of the reads of the scenarios that have one", "(database, service-db in process): ${COMPLETION-CANDIDATES}"
            + " (default: ${DEFAULT-VALUE}); run both for the pair."})
    CacheSetting cache;
    @Option(names = "--backend", paramLabel = "local|s3", description = {"File store of the files and service-files"
            + " scenarios: ${COMPLETION-CANDIDATES} (default: local, or s3", "with --files s3://…); s3 needs --files"
            + " s3://BUCKET/PREFIX and the --s3-* options."})
    StoreBackend backend;
    @Mixin
    FileStoreOptions files;
    @Mixin
    HttpTargetOptions http;
    @Mixin
    ServiceTargetOptions service;
    @Mixin
    StressOptions stressOptions;
    @Mixin
    AgentOptions agentOptions;
    @Mixin
    EmitOptions emit;
    private Optional<AgentShare> agent = Optional.empty();

    @Override
    public Integer call() throws Exception {
        // The loader stays open while the scenarios run: their classes come from it.
        try (URLClassLoader loader = plugins.open(LoadCommand.class.getClassLoader())) {
            // Loaded before the run folder exists: a plug-in that cannot load is bad input, not a failed run.
            return run(PluginSet.discover(loader));
        }
    }

    private int run(PluginSet checks) throws Exception {
        // Everything is validated before the run folder exists: a usage error leaves no trace in results/.
        ModelOptions model;
        List<Threshold> criteria = new ArrayList<>();
        List<Scenario> scenarios;
        StressSteps stress;
        ProfileRequest profiling;
        ServiceTarget serviceTarget;
        try {
            profiling = profile == null ? ProfileRequest.NONE : ProfileRequest.parse(profile);
            for (String t : thresholds) {
                criteria.add(Threshold.parse(t));
            }
            model = shape.toModel();
            agent = emit.given() ? Optional.empty() : agentOptions.share();
            serviceTarget = service.target();
            scenarios = new ScenarioSelection(regexes, http, shape, cache, backend, files)
                    .select(serviceTarget, checks.scenarios());
            for (Scenario s : scenarios) {
                modelFor(model, s); // builds (and so validates) each scenario's model before the run folder exists
            }
            StressPlan plan = stressOptions.plan(shape).orElse(null);
            if (plan != null && agent.isPresent()) {
                throw new IllegalArgumentException("--agents does not combine with --stress");
            }
            stress = plan == null ? null : new StressSteps(plan, shape, model);
            if (stress != null) {
                stress.validate(scenarios);
            }
            if (emit.given()) {
                emit.write(emit.manifest(spec.commandLine().getParseResult().originalArgs(), agentOptions,
                        Clock.systemUTC()), spec.commandLine().getOut());
                return ExitCodes.OK;
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        // originalArgs is the whole command line, sub-command name included.
        List<String> recorded = HttpTargetOptions.redacted(spec.commandLine().getParseResult().originalArgs());
        try (RunPublisher publisher = store.publisher(); RunSession session = publisher.start(Path.of(""), recorded,
                Clock.systemUTC()); ServiceTarget wipedAfterRun = serviceTarget) {
            PrintStream console = session.console(System.out);
            console.println("run " + session.folder().id() + " -> " + session.folder().path());
            checks.announce(console, PluginKind.LOAD_SCENARIO, scenarios.stream().map(Scenario::id).toList());
            ScenarioRunner runner = new ScenarioRunner(Pacer.SYSTEM, Clock.systemUTC(),
                    ProgressLine.forTerminal(System.err, quiet));
            LoadVerdict verdict = new LoadVerdict();
            if (agent.isPresent() && !agent.get().untilStart(Clock.systemUTC()).isZero()) {
                console.println("agent " + agent.get().index() + "/" + agent.get().agents() + ": starting at "
                        + agent.get().startAt().orElseThrow());
                Thread.sleep(agent.get().untilStart(Clock.systemUTC()).toMillis());
            }
            for (Scenario s : scenarios) {
                Path dir = session.folder().load(s.id()).path();
                if (stress != null) {
                    verdict.stress(s.id(), stress.run(runner, console, s, criteria, dir, session.folder().path(),
                            profiling), LoadVerdict.effective(criteria));
                } else {
                    console.println("load " + s.id() + ": " + s.description() + ", " + modelFor(model, s).description());
                    LoadSummary summary;
                    // The profiler stops before the summary is printed, so its line comes right after the load's.
                    try (ScenarioProfiling p = new ScenarioProfiling(profiling, session.folder().path(), s.id(), console)) {
                        LoadModel m = modelFor(model, s);
                        summary = runner.run(s, m, LoadVerdict.effective(criteria, m), dir, p).summary();
                    }
                    SummaryPrinter.print(console, summary);
                    verdict.scenario(s.id(), summary);
                }
            }
            console.println(verdict.line());
            console.flush();
            session.finish(RunStatus.COMPLETE);
            return verdict.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    /** The scenario's model, this agent's share of it with --agents. */
    private LoadModel modelFor(ModelOptions model, Scenario s) {
        LoadModel fleet = model.modelFor(s);
        return agent.map(a -> a.apply(fleet)).orElse(fleet);
    }
}
