package dev.oktyv.analysis.compare;

import dev.oktyv.analysis.jmh.RunLoader;
import dev.oktyv.analysis.model.Run;
import dev.oktyv.analysis.testing.RunFixtures;
import dev.oktyv.analysis.testing.SyntheticJmh;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Two runs with one benchmark per verdict: a throughput regression, an avgt improvement, an unchanged one with
 * an allocation regression, a one-fork one (inconclusive), a non-allocating one whose sub-byte allocation noise
 * is "−33%" (unchanged: below the allocation floor), one benchmark at two numeric param values whose string order
 * is the reverse of their numeric order, plus one added and one removed benchmark.
 */
final class CompareFixture {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    final Run baseline;
    final Run candidate;

    CompareFixture(Path root) throws IOException {
        ResultsStore store = new ResultsStore(root);
        SyntheticJmh b = new SyntheticJmh()
                .add("dev.oktyv.bench.vault.VaultBench.get", "thrpt", Map.of("size", "64"), "ops/ms",
                        new double[][] {{1000, 1002}, {990, 995}, {1005, 1001}}, null)
                .add("dev.oktyv.bench.database.QueryBench.select", "avgt", Map.of(), "us/op",
                        new double[][] {{50, 50.5}, {49.5, 50.2}, {50.1, 49.9}}, null)
                .add("dev.oktyv.bench.files.FileBench.write", "avgt", Map.of(), "ns/op",
                        new double[][] {{200, 201}, {199, 200}, {200.5, 200}},
                        new double[][] {{48, 48}, {48, 48.01}, {48, 48}})
                .add("dev.oktyv.bench.api.ApiBench.call", "avgt", Map.of(), "us/op", new double[][] {{10, 10.1}}, null)
                .add("dev.oktyv.bench.api.ApiBench.removed", "avgt", Map.of(), "us/op", new double[][] {{1, 1}, {1, 1}}, null)
                .add("dev.oktyv.bench.api.ApiBench.noAlloc", "avgt", Map.of(), "ns/op",
                        new double[][] {{5, 5.01}, {5.02, 5}, {5, 5.01}}, new double[][] {{0.6, 0.6}, {0.61, 0.6}, {0.6, 0.59}})
                .add("dev.oktyv.bench.files.HashBench.hash", "avgt", Map.of("size", "100000"), "us/op",
                        new double[][] {{300, 301}, {299, 300}, {300, 300.5}}, null)
                .add("dev.oktyv.bench.files.HashBench.hash", "avgt", Map.of("size", "1000"), "us/op",
                        new double[][] {{3, 3.01}, {2.99, 3}, {3, 3.005}}, null);
        SyntheticJmh c = new SyntheticJmh()
                .add("dev.oktyv.bench.vault.VaultBench.get", "thrpt", Map.of("size", "64"), "ops/ms",
                        new double[][] {{800, 805}, {795, 801}, {810, 799}}, null)
                .add("dev.oktyv.bench.database.QueryBench.select", "avgt", Map.of(), "us/op",
                        new double[][] {{40, 40.2}, {39.8, 40.1}, {40.3, 39.9}}, null)
                .add("dev.oktyv.bench.files.FileBench.write", "avgt", Map.of(), "ns/op",
                        new double[][] {{200.2, 200.8}, {199.5, 200}, {200, 200.3}},
                        new double[][] {{96, 96}, {96.02, 96}, {96, 96}})
                .add("dev.oktyv.bench.api.ApiBench.call", "avgt", Map.of(), "us/op", new double[][] {{20, 20.1}}, null)
                .add("dev.oktyv.bench.api.ApiBench.added", "avgt", Map.of(), "us/op", new double[][] {{1, 1}, {1, 1}}, null)
                .add("dev.oktyv.bench.api.ApiBench.noAlloc", "avgt", Map.of(), "ns/op",
                        new double[][] {{5, 5.02}, {5.01, 5}, {5, 5.01}}, new double[][] {{0.4, 0.4}, {0.41, 0.4}, {0.4, 0.39}})
                .add("dev.oktyv.bench.files.HashBench.hash", "avgt", Map.of("size", "100000"), "us/op",
                        new double[][] {{300.2, 300.8}, {299.5, 300}, {300, 300.3}}, null)
                .add("dev.oktyv.bench.files.HashBench.hash", "avgt", Map.of("size", "1000"), "us/op",
                        new double[][] {{3, 3.005}, {3.01, 3}, {2.995, 3}}, null);
        baseline = RunLoader.load(RunFixtures.create(store, T0, RunFixtures.sha('a'), RunStatus.COMPLETE, b.json()));
        candidate = RunLoader.load(RunFixtures.create(store, T0.plusSeconds(3600), RunFixtures.sha('b'),
                RunStatus.COMPLETE, c.json()));
    }
}
