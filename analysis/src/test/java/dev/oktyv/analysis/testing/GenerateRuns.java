package dev.oktyv.analysis.testing;

import dev.oktyv.analysis.latency.LatencyLogTest;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: generates two complete runs of N synthetic benchmarks (5 forks × 5 iterations, realistic noise,
 * 3% of benchmarks slowed by 10%) for timing {@code compare}. Usage: {@code GenerateRuns <results-dir> <N>}.
 */
public final class GenerateRuns {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Random rnd = new Random(1);
        ResultsStore store = new ResultsStore(root);
        Instant t = Instant.parse("2026-11-27T10:00:00Z");
        RunFolder last = null;
        for (int side = 0; side < 2; side++) {
            SyntheticJmh jmh = new SyntheticJmh();
            for (int b = 0; b < n; b++) {
                double level = 100 + b;
                double factor = side == 1 && b % 33 == 0 ? 1.10 : 1.0;
                double[][] forks = new double[5][5];
                double[][] alloc = new double[5][5];
                for (int f = 0; f < 5; f++) {
                    double fl = level * factor * (1 + 0.02 * rnd.nextGaussian());
                    for (int i = 0; i < 5; i++) {
                        forks[f][i] = fl * (1 + 0.01 * rnd.nextGaussian());
                        alloc[f][i] = 48;
                    }
                }
                jmh.add("dev.oktyv.bench.gen.Gen" + (b / 10) + ".bench" + (b % 10), "avgt", Map.of("size", String.valueOf(b % 4)),
                        "ns/op", forks, alloc);
            }
            last = RunFixtures.create(store, t.plusSeconds(3600L * side), String.valueOf((char) ('a' + side)).repeat(40),
                    RunStatus.COMPLETE, jmh.json());
        }
        if (args.length > 2 && args[2].equals("--with-load")) {
            Files.createDirectories(last.loadDir("demo"));
            LatencyLogTest.writeLog(last.loadDir("demo").resolve("latency.hlog"), 30, 1_000_000, 60_000_000);
        }
        System.out.println("generated 2 runs of " + n + " benchmarks under " + root);
    }
}
