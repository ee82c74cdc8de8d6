package dev.oktyv.bench.analysis;

import dev.oktyv.bench.OktyvBench;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.GitInfo;
import dev.oktyv.results.HostInfo;
import dev.oktyv.results.JvmInfo;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import dev.oktyv.results.RunMetadata;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Run folders and a command-line driver for the analysis command tests. */
final class CliRuns {

    private CliRuns() {
    }

    static RunFolder run(Path root, Instant start, char commit, String jmhJson) throws IOException {
        return run(root, start, commit, jmhJson, RunStatus.COMPLETE);
    }

    /** A run that ended with {@code status}; {@code jmhJson} null writes no jmh.json. */
    static RunFolder run(Path root, Instant start, char commit, String jmhJson, RunStatus status) throws IOException {
        GitInfo git = new GitInfo(String.valueOf(commit).repeat(40), "main", false);
        RunFolder f = new ResultsStore(root).create(RunId.of(start, git.shortCommit(), false));
        f.writeMetadata(RunMetadata.started("0.1.0", f.id(), git, start, List.of("run"),
                        new HostInfo(java.util.Optional.of("h"), "Linux", "6", "amd64", java.util.Optional.of("cpu"), 2, java.util.OptionalLong.of(1L << 30)),
                        new JvmInfo("v", "17", "vm", "/jdk", List.of()))
                .finished(start.plusSeconds(10), status));
        if (jmhJson != null) {
            AtomicFiles.writeString(f.jmhJson(), jmhJson);
        }
        return f;
    }

    /** One avgt benchmark with three forks of two iterations around {@code level} us/op. */
    static String jmh(double level) {
        String raw = String.format(Locale.ROOT, "[[%f,%f],[%f,%f],[%f,%f]]", level, level * 1.001, level * 0.999,
                level * 1.002, level * 1.0005, level * 0.998);
        return "[{\"benchmark\":\"dev.oktyv.bench.X.y\",\"mode\":\"avgt\",\"threads\":1,\"forks\":3,"
                + "\"params\":{},\"primaryMetric\":{\"score\":" + level + ",\"scoreError\":\"NaN\","
                + "\"scoreConfidence\":[\"NaN\",\"NaN\"],\"scoreUnit\":\"us/op\",\"rawData\":" + raw
                + "},\"secondaryMetrics\":{}}]";
    }

    record Result(int exit, String out, String err) {
    }

    static Result exec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OktyvBench.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
