package dev.oktyv.bench.readiness;

import dev.oktyv.bench.catalog.BenchmarkCatalog;
import dev.oktyv.bench.catalog.BenchmarkInfo;
import dev.oktyv.bench.catalog.BenchmarkSelector;
import dev.oktyv.bench.run.Preset;
import dev.oktyv.bench.run.RunOptions;
import dev.oktyv.bench.run.SuiteOutcome;
import dev.oktyv.bench.run.SuiteRun;
import dev.oktyv.profiles.capture.ProfileRequest;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.readiness.PerformanceEvidence;
import dev.oktyv.results.readiness.PhaseFigures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Phase 3: the JMH benchmarks through the {@code run} command's own {@link SuiteRun} into {@code performance/},
 * then the slowest of them again with async-profiler into {@code performance/profiled/}, then {@code analyze}'s
 * rules over both ({@link PerformanceAnalysis}).
 *
 * <p>Every benchmark runs in JMH's sample-time mode: the criterion is per-operation latency (mean and p95), and
 * sample time measures exactly that, per operation and per thread, with a distribution. A throughput score would
 * give only a mean (threads / score) and no p95, so no throughput is converted.
 */
final class PerformancePhase {

    /**
     * {@code --quick}: the paired optimisation variants of the seed's recommendations (pooled SMTP and JDBC, cached
     * point reads at a 90% hit rate, batched inserts), single-threaded: 8 parameter combinations, so the gains are
     * measured and the phase stays near 110 s on two cores.
     */
    static final List<String> QUICK_BENCHMARKS = List.of("EmailSendBenchmark\\.send1Thread$",
            "PointQueryBenchmark\\.pointQuery1Thread$", "CachedPointQueryBenchmark", "InsertBenchmark\\.insert1000Rows1Thread");
    static final Map<String, List<String>> QUICK_PARAMS = Map.of("hitPercent", List.of("90"));
    /**
     * Left out of the default run: the calibration benchmarks measure the profiler and the machine (an empty
     * method, a deliberately hot one), not an operation of Oktyv; and the vault's key derivation is slow on purpose
     * (600,000 PBKDF2 iterations, about 0.4-0.8 s, once per vault unlock; the security probe vault.kdf-cost fails it
     * when it is too cheap), so its time per operation would fail the per-request latency criterion for being secure.
     */
    static final List<String> EXCLUDED = List.of("\\.calibration\\.", "KeyDerivationBenchmark");
    /**
     * Forks: three under {@code --quick}, because a gain's interval comes from the fork means (Welch): with two
     * per side its 99% quantile is t(1 df) = 64 and every interval spans orders of magnitude; with three it is
     * about 4.6.
     */
    static final int QUICK_FORKS = 3;
    /** The benchmarks profiled after the measurement: the slowest by mean, since they decide the criterion. */
    static final int PROFILED_QUICK = 2;
    static final int PROFILED_DEFAULT = 3;

    /** What the phase hands the verdict: the JMH latency source and the evidence for the report. */
    record Outcome(PhaseFigures.OperationLatency latency, PerformanceEvidence evidence, List<String> consoleLines) {
    }

    private final boolean quick;
    private final List<String> includes;
    private final Function<OutputStream, PrintStream> log;

    /**
     * @param includes benchmark regexes replacing the default choice ({@code --bench}); empty for the default
     * @param log      a stream into the run's console log (JMH's own output goes there, not to the terminal)
     */
    PerformancePhase(boolean quick, List<String> includes, Function<OutputStream, PrintStream> log) {
        this.quick = quick;
        this.includes = List.copyOf(includes);
        this.log = log;
    }

    /** The benchmarks this phase runs; empty when {@code --bench} matches none (checked before the run starts). */
    static List<BenchmarkInfo> selection(boolean quick, List<String> includes) {
        List<String> in = !includes.isEmpty() ? includes : quick ? QUICK_BENCHMARKS : List.of();
        return BenchmarkSelector.select(BenchmarkCatalog.fromClassPath(PerformancePhase.class.getClassLoader()), in,
                includes.isEmpty() ? EXCLUDED : List.of());
    }

    Outcome run(RunFolder folder, PrintStream console) throws IOException, RunnerException {
        List<BenchmarkInfo> selected = selection(quick, includes);
        if (selected.isEmpty()) {
            throw new IllegalStateException("no benchmark matches " + includes);
        }
        RunFolder measured = folder.performance();
        Files.createDirectories(measured.path());
        RunOptions options = options(List.of(), quick && includes.isEmpty() ? QUICK_PARAMS : Map.of(),
                ProfileRequest.NONE, false);
        List<RunResult> results = new ArrayList<>();
        SuiteOutcome outcome = new SuiteRun(options, selected, measured, log, OutputStream.nullOutputStream(),
                VerboseMode.NORMAL, results::addAll).execute();
        List<PerformanceEvidence.OperationTime> times = results.stream().map(PerformancePhase::time)
                .sorted(Comparator.comparingDouble(PerformanceEvidence.OperationTime::averageMillis).reversed())
                .toList();
        console.printf(Locale.ROOT, "  jmh: %d results of %d benchmarks (%s) in %s%n", outcome.results(),
                outcome.benchmarks(), plan(), folder.path().relativize(measured.jmhJson()));
        if (!outcome.failed().isEmpty()) {
            console.println("  failed: " + String.join(", ", outcome.failed()));
        }
        List<PerformanceEvidence.Profiled> profiled = profile(folder, selected, results, console);
        PerformanceAnalysis analysis = PerformanceAnalysis.of(folder);
        PerformanceEvidence evidence = new PerformanceEvidence(plan(),
                folder.path().relativize(measured.jmhJson()).toString().replace('\\', '/'), outcome.results(),
                outcome.failed(), times.subList(0, Math.min(5, times.size())), profiled, analysis.gains(),
                analysis.recommendations());
        return new Outcome(latency(times), evidence, analysis.consoleLines());
    }

    /** How JMH ran, for the console and the verdict file. */
    String plan() {
        return quick ? "--quick preset with -f " + QUICK_FORKS + " -w 500ms -r 500ms (three forks give each gain a"
                + " usable interval), sample time per operation" : "suite default preset with -wi 2 -i 3 (-f 2 -wi 2 -i 3"
                + " -w 1s -r 1s) to fit the readiness budget, sample time per operation";
    }

    /**
     * The {@code run} command's presets: {@code --quick} with three forks and half-second iterations; the suite
     * default with one warm-up and two measurement iterations fewer, so about 52 parameter combinations fit in
     * about 12 minutes. Profiling: one fork, 3 x 1 s measured.
     */
    private RunOptions options(List<String> only, Map<String, List<String>> params, ProfileRequest profile,
                               boolean profiling) {
        OptionalInt forks = profiling ? OptionalInt.of(1) : quick ? OptionalInt.of(QUICK_FORKS) : OptionalInt.empty();
        OptionalInt warmups = profiling || !quick ? OptionalInt.of(profiling ? 1 : 2) : OptionalInt.empty();
        OptionalInt iterations = OptionalInt.of(3);
        Optional<Duration> warmupTime = quick ? Optional.of(Duration.ofMillis(500)) : Optional.empty();
        Optional<Duration> time = quick && !profiling ? Optional.of(Duration.ofMillis(500))
                : profiling ? Optional.of(Duration.ofSeconds(1)) : Optional.empty();
        return new RunOptions(only, List.of(), quick || profiling ? Preset.QUICK : Preset.SUITE, forks, warmups,
                quick && !profiling ? OptionalInt.empty() : iterations, warmupTime, time, OptionalInt.empty(),
                List.of(Mode.SampleTime), Optional.of(TimeUnit.MICROSECONDS), params, List.of(),
                // resultsDir is where the run command would create a run folder; SuiteRun writes into the given one.
                List.of(), false, java.nio.file.Path.of(RunFolder.PERFORMANCE_DIR), profile);
    }

    /**
     * The slowest benchmarks again, one fork each, with async-profiler's cpu event: enough samples for the hot
     * method rule (up to a hundred per busy thread and second, 3 s) without disturbing the measured run.
     */
    private List<PerformanceEvidence.Profiled> profile(RunFolder folder, List<BenchmarkInfo> selected,
                                                       List<RunResult> results, PrintStream console) throws IOException, RunnerException {
        int n = quick ? PROFILED_QUICK : PROFILED_DEFAULT;
        // The slowest result of each benchmark method, slowest first, at most n methods.
        Map<String, RunResult> chosen = new LinkedHashMap<>();
        results.stream().sorted(Comparator.comparingDouble((RunResult r) -> millis(r, false)).reversed())
                .forEach(r -> {
                    if (chosen.size() < n) {
                        chosen.putIfAbsent(r.getParams().getBenchmark(), r);
                    }
                });
        if (chosen.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> params = new TreeMap<>();
        for (RunResult r : chosen.values()) {
            for (String k : r.getParams().getParamsKeys()) {
                List<String> values = params.computeIfAbsent(k, x -> new ArrayList<>());
                if (!values.contains(r.getParams().getParam(k))) {
                    values.add(r.getParams().getParam(k));
                }
            }
        }
        List<BenchmarkInfo> infos = selected.stream().filter(b -> chosen.containsKey(b.name())).toList();
        RunFolder profiledFolder = folder.performanceProfiled();
        Files.createDirectories(profiledFolder.path());
        new SuiteRun(options(infos.stream().map(b -> "^" + Pattern.quote(b.name()) + "$").toList(), params,
                ProfileRequest.parse("cpu"), true), infos, profiledFolder, log, OutputStream.nullOutputStream(),
                VerboseMode.NORMAL, r -> { }).execute();
        List<PerformanceEvidence.Profiled> out = new ArrayList<>();
        int rank = 0;
        for (RunResult r : chosen.values()) {
            rank++;
            PerformanceEvidence.Profiled p = ProfiledBenchmarks.describe(folder, profiledFolder, r,
                    ordinal(rank) + " slowest benchmark by mean");
            console.println("  profiled " + p.benchmark() + " (" + p.reason() + ", cpu engine " + p.engine() + ")"
                    + (p.flameGraphs().isEmpty() ? ": no flame graph written" : " -> " + p.flameGraphs().get(0)));
            out.add(p);
        }
        return out;
    }

    private static String ordinal(int n) {
        return n == 1 ? "the" : n == 2 ? "2nd" : n == 3 ? "3rd" : n + "th";
    }

    /** The slowest mean and the highest p95 over the benchmarks, labelled with both benchmarks. */
    static PhaseFigures.OperationLatency latency(List<PerformanceEvidence.OperationTime> times) {
        if (times.isEmpty()) {
            return new PhaseFigures.OperationLatency("no benchmark result", Double.NaN, Double.NaN);
        }
        PerformanceEvidence.OperationTime slowest = times.get(0);
        PerformanceEvidence.OperationTime p95 = times.stream()
                .max(Comparator.comparingDouble(PerformanceEvidence.OperationTime::p95Millis)).orElseThrow();
        String source = "benchmark " + slowest.benchmark() + ", the slowest of " + times.size()
                + (p95 == slowest ? "" : " (highest p95: " + p95.benchmark() + ")") + " (JMH sample time per operation)";
        return new PhaseFigures.OperationLatency(source, slowest.averageMillis(), p95.p95Millis());
    }

    static PerformanceEvidence.OperationTime time(RunResult r) {
        return new PerformanceEvidence.OperationTime(ProfiledBenchmarks.label(r), millis(r, false), millis(r, true));
    }

    /** The mean (or the p95) per operation in milliseconds; NaN when the unit is not a time per operation. */
    static double millis(RunResult r, boolean p95) {
        var primary = r.getPrimaryResult();
        double v = p95 ? primary.getStatistics().getPercentile(95.0) : primary.getScore();
        return v * toMillis(primary.getScoreUnit());
    }

    static double toMillis(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-6;
            case "us/op" -> 1e-3;
            case "ms/op" -> 1;
            case "s/op" -> 1e3;
            default -> Double.NaN;
        };
    }
}
