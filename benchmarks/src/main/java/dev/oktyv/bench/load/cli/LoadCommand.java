package dev.oktyv.bench.load.cli;

import dev.oktyv.results.load.StressLevel;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.load.ScenarioRunner;
import dev.oktyv.bench.load.executor.Pacer;
import dev.oktyv.bench.load.http.HttpRequestSpec;
import dev.oktyv.bench.load.http.HttpScenario;
import dev.oktyv.bench.load.recording.ProgressLine;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.load.scenario.ScenarioRegistry;
import dev.oktyv.bench.load.scenario.http.ServiceScenario;
import dev.oktyv.bench.load.scenario.http.ServiceTarget;
import dev.oktyv.bench.load.schedule.Durations;
import dev.oktyv.bench.load.schedule.RateStage;
import dev.oktyv.bench.load.stress.StressPlan;
import dev.oktyv.bench.load.stress.StressRunner;
import dev.oktyv.bench.load.thresholds.Threshold;
import dev.oktyv.profiles.capture.ProfileRequest;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunSession;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.StressResult;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oktyv-bench load [SCENARIO-REGEX...]}: runs load scenarios into a new run folder. */
@Command(name = "load", sortOptions = false,
        description = {"Run load scenarios (open or closed model) with coordinated-omission-corrected latencies.",
                "Writes load/<scenario>/summary.json and latency.hlog into a new run folder."})
public final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    VerboseOption verbose;

    @Parameters(arity = "0..*", paramLabel = "SCENARIO-REGEX", description = "Scenarios whose id matches (all when none).")
    List<String> regexes = new ArrayList<>();

    @Option(names = "--rate", paramLabel = "R", description = "Open model: arrivals per second (fractional allowed).")
    Double rate;
    @Option(names = "--stages", paramLabel = "D:R,...", description = "Open model ramp from 0, e.g. 30s:100,60s:1000,30s:0.")
    String stages;
    @Option(names = "--concurrency", paramLabel = "N", description = "Closed model: N looping workers (with --rate: compensated).")
    Integer concurrency;
    @Option(names = "--think-time", paramLabel = "D", defaultValue = "0s", description = "Closed model pause between operations.")
    String thinkTime;
    @Option(names = "--ramp-up", paramLabel = "D", defaultValue = "0s", description = "Closed model: start workers evenly over D.")
    String rampUp;
    @Option(names = "--duration", paramLabel = "D", defaultValue = "10s", description = "Measured time (default ${DEFAULT-VALUE}).")
    String duration;
    @Option(names = "--warmup", paramLabel = "D", defaultValue = "0s", description = "Run but not counted, before the measured time.")
    String warmup;
    @Option(names = "--workers", paramLabel = "W", description = "Open model worker threads (default: scenario's concurrency).")
    Integer workers;
    @Option(names = "--max-in-flight", paramLabel = "M", description = "Open model: outstanding operations before starts are dropped (default 100 x workers).")
    Integer maxInFlight;
    @Option(names = "--threshold", paramLabel = "EXPR", description = "k6-style criterion, e.g. 'p95<200ms', 'error_rate<1%%', 'dropped==0'.")
    List<String> thresholds = new ArrayList<>();
    @Option(names = "--quiet", description = "No live progress line.")
    boolean quiet;
    @Option(names = "--profile", paramLabel = "EVENTS", description = {"Profile each scenario's measured phase (after"
            + " --warmup): a comma-separated subset of", "cpu, alloc, lock, wall, jfr, into profiles/<scenario-id>/."})
    String profile;
    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results", description = "Results root (default ${DEFAULT-VALUE}).")
    Path resultsDir;

    @Option(names = "--url", paramLabel = "URL", description = "Generic HTTP target: your own service.")
    String url;
    @Option(names = "--method", paramLabel = "M", defaultValue = "GET")
    String method;
    @Option(names = "--header", paramLabel = "NAME:VALUE", description = "Request header (repeatable); values are not recorded.")
    List<String> headers = new ArrayList<>();
    @Option(names = "--body", paramLabel = "@FILE", description = "Request body read from a file.")
    String body;
    @Option(names = "--connections", paramLabel = "N", description = "Keep-alive connections to --url (default 10).")
    Integer connections;
    @Option(names = "--timeout", paramLabel = "D", defaultValue = "10s", description = "Per-request connect/read timeout.")
    String timeout;

    @Option(names = "--target-url", paramLabel = "URL", description = {"Run the service-* scenarios against this running"
            + " Oktyv service", "instead of starting one (alone: all service-* scenarios)."})
    String targetUrl;
    @Option(names = "--target-token-file", paramLabel = "FILE", description = "File holding --target-url's bearer token.")
    Path targetTokenFile;
    @Option(names = "--target-token-env", paramLabel = "VAR", description = "Environment variable holding that token.")
    String targetTokenEnv;
    /** Built from the three options above; null starts the service in process. Its token is wiped after the run. */
    private ServiceTarget serviceTarget;

    @Option(names = "--stress", description = "Run stress steps and report the knee.")
    boolean stress;
    @Option(names = "--stress-by", paramLabel = "concurrency|rate", defaultValue = "concurrency")
    String stressBy;
    @Option(names = "--stress-levels", paramLabel = "L,...", defaultValue = StressPlan.DEFAULT_LEVELS)
    String stressLevels;
    @Option(names = "--stress-step-duration", paramLabel = "D", defaultValue = StressPlan.DEFAULT_STEP)
    String stressStep;

    @Override
    public Integer call() throws Exception {
        // Everything is validated before the run folder exists: a usage error leaves no trace in results/.
        ModelOptions model;
        List<Threshold> parsedThresholds = new ArrayList<>();
        List<Scenario> scenarios;
        StressPlan plan = null;
        ProfileRequest profiling;
        try {
            profiling = profile == null ? ProfileRequest.NONE : ProfileRequest.parse(profile);
            for (String t : thresholds) {
                parsedThresholds.add(Threshold.parse(t));
            }
            model = new ModelOptions(rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate),
                    stages == null ? List.of() : RateStage.parseList(stages),
                    concurrency == null ? OptionalInt.empty() : OptionalInt.of(concurrency),
                    Durations.parse(thinkTime), Durations.parse(rampUp), Durations.parse(duration),
                    Durations.parse(warmup), workers == null ? OptionalInt.empty() : OptionalInt.of(workers),
                    maxInFlight == null ? OptionalInt.empty() : OptionalInt.of(maxInFlight));
            scenarios = selectScenarios(model);
            for (Scenario s : scenarios) {
                model.modelFor(s); // builds (and so validates) each scenario's model before the run folder exists
            }
            if (stress) {
                if (rate != null || stages != null || concurrency != null) {
                    throw new IllegalArgumentException("--stress sets the load itself (--stress-by, --stress-levels);"
                            + " drop --rate, --stages and --concurrency");
                }
                plan = StressPlan.parse(stressKind(), stressLevels, stressStep);
                for (Scenario s : scenarios) {
                    for (double level : plan.levels()) {
                        stepModel(plan, s, model, level); // validates every step before the run folder exists
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        List<String> recorded = redactedCommandLine();
        try (RunSession session = RunSession.start(new ResultsStore(resultsDir), Path.of(""), recorded,
                Clock.systemUTC()); ServiceTarget wipedAfterRun = serviceTarget) {
            PrintStream console = session.console(System.out);
            console.println("run " + session.folder().id() + " -> " + session.folder().path());
            ScenarioRunner runner = new ScenarioRunner(Pacer.SYSTEM, Clock.systemUTC(),
                    ProgressLine.forTerminal(System.err, quiet));
            boolean allPassed = true;
            for (Scenario s : scenarios) {
                Path dir = session.folder().loadDir(s.id());
                if (plan != null) {
                    allPassed &= stress(runner, console, s, plan, model, parsedThresholds, dir,
                            session.folder().path(), profiling);
                } else {
                    console.println("load " + s.id() + ": " + s.description() + ", " + model.modelFor(s).description());
                    LoadSummary summary;
                    // The profiler stops before the summary is printed, so its line comes right after the load's.
                    try (ScenarioProfiling p = new ScenarioProfiling(profiling, session.folder().path(), s.id(), console)) {
                        summary = runner.run(s, model.modelFor(s), parsedThresholds, dir, p).summary();
                    }
                    SummaryPrinter.print(console, summary);
                    allPassed &= summary.thresholdsPassed();
                }
            }
            console.flush();
            session.finish(RunStatus.COMPLETE);
            return allPassed ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    private boolean stress(ScenarioRunner runner, PrintStream console, Scenario s, StressPlan plan,
                           ModelOptions model, List<Threshold> criteria, Path dir, Path runFolder,
                           ProfileRequest profiling) throws Exception {
        List<Threshold> effective = criteria.isEmpty() ? List.of(Threshold.parse("error_rate<1%")) : criteria;
        console.println("stress " + s.id() + ": " + plan.kind().wireName() + " " + plan.levels() + ", "
                + Durations.format(plan.stepDuration()) + " each; criteria " + effective.stream()
                .map(Threshold::expression).toList());
        // With --profile each step is its own workload, profiles/<scenario>.<step-NN-level>/, so the step at the
        // knee and the one before it can be put side by side with flame --diff.
        StressResult r = new StressRunner(runner, console).run(s, plan, level -> stepModel(plan, s, model, level),
                effective, dir, folder -> profiling.isEmpty() ? StressRunner.StepListener.NONE
                        : new ScenarioProfiling(profiling, runFolder, stepWorkloadId(s, folder), console));
        var knee = r.kneeIndex();
        if (knee.isEmpty()) {
            console.println("  knee: none, even the first step failed " + effective.stream().map(Threshold::expression).toList());
            return false;
        }
        StressResult.Step k = r.steps().get(knee.getAsInt());
        console.println(String.format(Locale.ROOT, "  knee: %s (%s %s, %.1f/s achieved)", k.folder(),
                plan.kind().wireName(), k.level(), k.achievedPerSecond()));
        return true;
    }

    /** The profile workload id of one stress step: {@code <scenario-id>.<step folder>}. */
    static String stepWorkloadId(Scenario s, String stepFolder) {
        return s.id() + "." + stepFolder;
    }

    private dev.oktyv.bench.load.executor.LoadModel stepModel(StressPlan plan, Scenario s, ModelOptions model,
                                                              double level) {
        int w = workers != null ? workers : s.defaultConcurrency();
        int m = maxInFlight != null ? maxInFlight : w * ModelOptions.DEFAULT_BACKLOG_PER_WORKER;
        return StressRunner.stepModel(plan, level, w, m, model.thinkTime());
    }

    private StressLevel.Kind stressKind() {
        return switch (stressBy) {
            case "concurrency" -> StressLevel.Kind.CONCURRENCY;
            case "rate" -> StressLevel.Kind.RATE;
            default -> throw new IllegalArgumentException("--stress-by must be concurrency or rate, got '" + stressBy + "'");
        };
    }

    private List<Scenario> selectScenarios(ModelOptions model) {
        serviceTarget = serviceTarget();
        ScenarioRegistry registry = ScenarioRegistry.builtIn(serviceTarget);
        List<String> byDefault = serviceTarget == null ? List.of() : List.of("^service-");
        List<Scenario> selected = new ArrayList<>(url == null && regexes.isEmpty() ? registry.select(byDefault)
                : regexes.isEmpty() ? List.of() : registry.select(regexes));
        if (url != null) {
            selected.add(httpScenario());
        } else if (connections != null || !headers.isEmpty() || body != null) {
            throw new IllegalArgumentException("--connections, --header and --body need --url");
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no load scenario matches " + regexes + "; built-in scenarios: "
                    + registry.all().stream().map(Scenario::id).toList() + "; use --url URL for your own service");
        }
        if (serviceTarget != null && selected.stream().noneMatch(s -> s instanceof ServiceScenario)) {
            throw new IllegalArgumentException("--target-url applies to the service-* scenarios only, and none of "
                    + selected.stream().map(Scenario::id).toList() + " is one");
        }
        return selected;
    }

    /** The token is read from a file or the environment only: the command line is recorded in run.json. */
    private ServiceTarget serviceTarget() {
        if (targetUrl == null) {
            if (targetTokenFile != null || targetTokenEnv != null) {
                throw new IllegalArgumentException("--target-token-file and --target-token-env need --target-url");
            }
            return null;
        }
        if ((targetTokenFile == null) == (targetTokenEnv == null)) {
            throw new IllegalArgumentException("--target-url needs exactly one of --target-token-file FILE and"
                    + " --target-token-env VAR (the token itself is never taken on the command line)");
        }
        return targetTokenFile != null ? ServiceTarget.withTokenFile(targetUrl, targetTokenFile)
                : ServiceTarget.withTokenEnv(targetUrl, targetTokenEnv, System::getenv);
    }

    private HttpScenario httpScenario() {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url '" + url + "' is not a URL: " + e.getReason());
        }
        byte[] bytes = new byte[0];
        if (body != null) {
            if (!body.startsWith("@")) {
                throw new IllegalArgumentException("--body must be @FILE (a file holding the request body), got '"
                        + body + "'");
            }
            try {
                bytes = Files.readAllBytes(Path.of(body.substring(1)));
            } catch (IOException e) {
                throw new IllegalArgumentException("--body: cannot read " + body.substring(1) + ": " + e.getMessage());
            }
        }
        List<HttpRequestSpec.Header> hs = headers.stream().map(HttpRequestSpec.Header::parse).toList();
        int c = connections == null ? (workers != null ? workers : concurrency != null ? concurrency : 10) : connections;
        if ((workers != null && workers != c) || (concurrency != null && concurrency != c)) {
            throw new IllegalArgumentException("--connections " + c + " disagrees with --workers/--concurrency: each"
                    + " worker owns one connection, give one of them");
        }
        return new HttpScenario(new HttpRequestSpec(uri, method, hs, bytes, Durations.parsePositive("--timeout", timeout)), c);
    }

    /** The command line for run.json, with header values replaced: they often carry tokens. */
    private List<String> redactedCommandLine() {
        // originalArgs is the whole command line, sub-command name included.
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--header") && i + 1 < args.size()) {
                out.add(a);
                out.add(redactHeader(args.get(++i)));
            } else if (a.startsWith("--header=")) {
                out.add("--header=" + redactHeader(a.substring("--header=".length())));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    private static String redactHeader(String h) {
        int colon = h.indexOf(':');
        return colon < 0 ? "<redacted>" : h.substring(0, colon + 1) + "<redacted>";
    }
}
