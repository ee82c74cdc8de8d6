package dev.oktyv.analysis.testing;

import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;

/** A run like the one in the screenshots: scores over five orders of magnitude, a long name, a load, one finding. */
public final class ReportFixture {

    /** ops/ms, as in one real JMH file: 0.04 to 11,751. */
    public static final String LONG = "dev.oktyv.bench.vault.VaultOperationsBenchmark.getWithAVeryLongDescriptiveMethodName";
    /** With these params the label is longer than one line of the chart, so it must wrap. */
    public static final Map<String, String> LONG_PARAMS = new java.util.TreeMap<>(Map.of("payloadShape", "nested-objects-with-optional-fields", "valueBytes", "65536"));
    public static final String LONG_LABEL = "VaultOperationsBenchmark.getWithAVeryLongDescriptiveMethodName"
            + " [payloadShape=nested-objects-with-optional-fields, valueBytes=65536] (thrpt)";

    public static final double[] OPS_MS = {0.04, 3.5, 120, 2_400, 11_751};

    private ReportFixture() {
    }

    public static RunFolder run(ResultsStore store) throws IOException {
        SyntheticJmh jmh = new SyntheticJmh();
        for (int i = 0; i < OPS_MS.length; i++) {
            double v = OPS_MS[i];
            String name = i == OPS_MS.length - 1 ? LONG : "dev.oktyv.bench.codec.CodecBench.m" + i;
            jmh.add(name, "thrpt", i == OPS_MS.length - 1 ? LONG_PARAMS : Map.of("size", "64"), "ops/ms", new double[][] {{v, v * 1.02}, {v * 0.98, v}, {v * 1.01, v}}, null);
        }
        jmh.add("dev.oktyv.bench.net.EchoBench.echo", "thrpt", Map.of(), "ops/s",
                new double[][] {{1.2e6, 1.21e6}, {1.19e6, 1.2e6}, {1.22e6, 1.2e6}}, null);
        jmh.add("dev.oktyv.bench.net.EchoBench.batch", "thrpt", Map.of(), "ops/s",
                new double[][] {{1.4e6, 1.41e6}, {1.39e6, 1.4e6}, {1.42e6, 1.4e6}}, null);
        double[] errors = new double[OPS_MS.length + 2];
        for (int i = 0; i < OPS_MS.length; i++) {
            errors[i] = OPS_MS[i] * 0.03;
        }
        errors[OPS_MS.length] = 0.015e6;
        errors[OPS_MS.length + 1] = 0.02e6;
        RunFolder run = RunFixtures.create(store, Instant.parse("2026-11-20T10:00:00Z"), RunFixtures.sha('a'), RunStatus.COMPLETE,
                withErrors(jmh.json(), errors));
        String wid = "dev.oktyv.bench.codec.CodecBench.m1-size=64";
        Files.createDirectories(run.profilesDir(wid));
        Files.writeString(run.profilesDir(wid).resolve("cpu-f1.collapsed"), "java/lang/Thread.run;a/B.hot 900\njava/lang/Thread.run;a/B.cold 100\n");
        Files.createDirectories(run.loadDir("vault-read"));
        LoadLogs.write(run.loadDir("vault-read").resolve("latency.hlog"));
        return run;
    }

    /** SyntheticJmh writes no JMH error; the charts need one for their whiskers. Replaces them in order. */
    public static String withErrors(String json, double... errors) {
        StringBuilder sb = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"scoreError\":\"NaN\"").matcher(json);
        int i = 0;
        while (m.find()) {
            m.appendReplacement(sb, "\"scoreError\":" + String.format(java.util.Locale.ROOT, "%.6f", errors[i++]));
        }
        m.appendTail(sb);
        if (i != errors.length) {
            throw new IllegalArgumentException(errors.length + " errors for " + i + " results");
        }
        return sb.toString();
    }
}
