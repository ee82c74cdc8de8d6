package dev.oktyv.bench.calibration;

import dev.oktyv.profiles.capture.CaptureOptions;
import dev.oktyv.results.profile.ProfileArtifacts;
import dev.oktyv.results.profile.ProfileManifest;
import dev.oktyv.results.profile.ProfileManifestJson;
import dev.oktyv.profiles.capture.ProfileRequest;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.profiles.jmh.JmhProfiling;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Measures what {@code --profile cpu} and {@code --profile jfr} cost a benchmark's JMH score: rounds of one fork
 * per mode, back to back in rotating order, each profiled mode compared with the unprofiled fork of its own round
 * ({@link PairedRatios}).
 *
 * <p>Why the extra cpu intervals: at the default 10 ms the cost of sampling is far below the fork-to-fork noise of
 * a 2-core machine, so a direct comparison cannot resolve a 3% goal. Sampling 10× and 100× as often multiplies
 * the per-sample cost by the same factor; the slope of the score against the sampling rate is the cost of one
 * sample per second, and slope × 100 is the sampling cost at 10 ms. The direct 10 ms comparison is printed too,
 * so a fixed cost that does not scale with the rate (attaching the profiler) is not hidden by the extrapolation.
 *
 * <p>{@code java -cp oktyv-bench.jar dev.oktyv.bench.calibration.ProfilingOverhead [ROUNDS] [BENCHMARK_REGEX]
 * [PARAM=VALUE ...]}; defaults: 8 rounds of {@code VaultOperationsBenchmark.get$} with {@code valueBytes=32}.
 */
public final class ProfilingOverhead {

    private static final String NONE = "none";

    private ProfilingOverhead() {
    }

    /** One way of running the fork: its label, the --profile spec and the cpu interval, or none. */
    private record Mode(String label, String profile, Duration cpuInterval) {
        double samplesPerSecond() {
            return cpuInterval == null ? 0 : 1e9 / cpuInterval.toNanos();
        }
    }

    public static void main(String[] args) throws RunnerException, IOException {
        try {
            measure(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: ProfilingOverhead [ROUNDS] [BENCHMARK_REGEX] [PARAM=VALUE ...]");
            System.exit(2);
        } catch (RunnerException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            String hint = cause instanceof org.openjdk.jmh.runner.NoBenchmarksException
                    ? "no benchmark matches the regex (oktyv-bench list shows them)" : why.replace('\n', ' ');
            System.err.println("error: JMH failed: " + hint);
            System.exit(3);
        }
    }

    private static void measure(String[] args) throws RunnerException, IOException {
        int rounds = args.length > 0 ? rounds(args[0]) : 8;
        String regex = args.length > 1 ? args[1] : "dev.oktyv.bench.vault.VaultOperationsBenchmark.get$";
        Map<String, String> params = new LinkedHashMap<>();
        if (args.length <= 2) {
            params.put("valueBytes", "32");
        }
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("bad parameter '" + args[i] + "' (expected NAME=VALUE)");
            }
            params.put(kv[0], kv[1]);
        }
        List<Mode> modes = List.of(new Mode(NONE, null, null),
                new Mode("cpu 10ms", "cpu", Duration.ofMillis(10)),
                new Mode("cpu 1ms", "cpu", Duration.ofMillis(1)),
                new Mode("cpu 100us", "cpu", Duration.ofNanos(100_000)),
                new Mode("jfr", "jfr", null));
        Path dir = Files.createTempDirectory("oktyv-overhead");
        PrintStream out = System.out;
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        modes.forEach(m -> scores.put(m.label(), new ArrayList<>()));
        String unit = "";
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < modes.size(); k++) {
                Mode m = modes.get((k + r) % modes.size());
                RunResult result = runFork(regex, params, m, dir.resolve("r" + r + "-" + k));
                double score = forkMean(result);
                unit = result.getPrimaryResult().getScoreUnit();
                scores.get(m.label()).add(score);
                out.printf(Locale.ROOT, "round %d %-9s %,.1f %s%n", r + 1, m.label(), score, unit);
            }
        }
        out.println();
        out.println("| mode | mean score (" + unit + ") | vs none, paired (95% interval) |");
        out.println("| --- | ---: | --- |");
        SimpleRegression fit = new SimpleRegression();
        for (Mode m : modes) {
            List<Double> s = scores.get(m.label());
            double mean = s.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            String vs = "";
            if (!m.label().equals(NONE)) {
                PairedRatios p = PairedRatios.of(scores.get(NONE), s);
                vs = String.format(Locale.ROOT, "%+.2f%% [%+.2f%%, %+.2f%%]", p.changePercent(),
                        100 * (p.low() - 1), 100 * (p.high() - 1));
            }
            if (m.cpuInterval() != null || m.label().equals(NONE)) {
                for (int r = 0; r < rounds; r++) {
                    fit.addData(m.samplesPerSecond(), 100 * (s.get(r) / scores.get(NONE).get(r) - 1));
                }
            }
            out.printf(Locale.ROOT, "| %s | %,.1f | %s |%n", m.label(), mean, vs);
        }
        double slope = fit.getSlope();
        double slopeHalf = fit.getSlopeConfidenceInterval();
        out.printf(Locale.ROOT, "%ncpu sampling: %+.4f%% per 100 samples/s [%+.4f%%, %+.4f%%] (slope over none, 10 ms,"
                        + " 1 ms, 100 us), i.e. the sampling cost at the default 10 ms (100 samples/s)%n",
                100 * slope, 100 * (slope - slopeHalf), 100 * (slope + slopeHalf));
        out.println("cpu engines used: " + enginesUsed(dir));
        out.println("raw profiles under " + dir);
    }

    private static int rounds(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 2) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("ROUNDS must be a whole number of at least 2 (one round has no interval),"
                + " was '" + v + "'");
    }

    private static RunResult runFork(String regex, Map<String, String> params, Mode m, Path runFolder)
            throws RunnerException {
        ChainedOptionsBuilder b = new OptionsBuilder().include(regex).forks(1)
                .warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true);
        params.forEach(b::param);
        if (m.profile() != null) {
            CaptureOptions c = m.cpuInterval() == null ? CaptureOptions.DEFAULTS
                    : CaptureOptions.DEFAULTS.withCpuInterval(m.cpuInterval());
            JmhProfiling.apply(b, ProfileRequest.parse(m.profile()), c, runFolder);
        }
        var results = new Runner(b.build()).run();
        if (results.size() != 1) {
            throw new IllegalArgumentException("'" + regex + "' with " + params + " ran " + results.size()
                    + " benchmarks; it must select exactly one");
        }
        return results.iterator().next();
    }

    /** The fork's score as the mean of its measurement iterations (JMH's primary score for one fork). */
    private static double forkMean(RunResult r) {
        return r.getBenchmarkResults().stream()
                .flatMap(br -> br.getIterationResults().stream())
                .mapToDouble((IterationResult ir) -> ir.getPrimaryResult().getScore())
                .average().orElse(Double.NaN);
    }

    private static String enginesUsed(Path dir) throws IOException {
        TreeSet<String> engines = new TreeSet<>();
        List<Path> manifests;
        try (Stream<Path> files = Files.walk(dir)) {
            manifests = files.filter(f -> f.getFileName().toString().equals(ProfileArtifacts.MANIFEST)).toList();
        }
        for (Path p : manifests) {
            for (ProfileManifest.ForkProfile f : ProfileManifestJson.read(p).forks()) {
                f.cpuEngine().ifPresent(e -> engines.add(e.id()));
            }
        }
        return engines.isEmpty() ? "none recorded" : String.join(", ", engines);
    }
}
