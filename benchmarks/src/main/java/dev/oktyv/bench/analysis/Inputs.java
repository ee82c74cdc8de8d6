package dev.oktyv.bench.analysis;

import dev.oktyv.analysis.compare.RunResolver;
import dev.oktyv.analysis.jmh.RunLoader;
import dev.oktyv.analysis.model.Run;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.GitInfo;
import dev.oktyv.results.JmhImport;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;

/** Parsing shared by the analysis commands: run references and percentages, with one-line usage errors. */
final class Inputs {

    private Inputs() {
    }

    static RunFolder folder(Path resultsDir, String spec, String what) throws IOException {
        try {
            return new RunResolver(new ResultsStore(resultsDir)).resolve(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + ": " + e.getMessage());
        }
    }

    /**
     * A side of {@code compare}: anything {@link #folder} takes, or a plain JMH JSON file (from a Gradle or Maven
     * plugin), which is imported into a temporary store exactly as {@code results import} would (JVM from the
     * file, host and commit unknown). The caller deletes {@code scratch} when done.
     */
    static RunFolder folderOrJmhFile(Path resultsDir, String spec, String what, Path scratch) throws IOException {
        Path p = Path.of(spec);
        if (!Files.isRegularFile(p)) {
            return folder(resultsDir, spec, what);
        }
        try {
            return JmhImport.into(new ResultsStore(scratch.resolve(what.toLowerCase(Locale.ROOT))), p, GitInfo.unknown(),
                    Files.getLastModifiedTime(p).toInstant(), List.of("compare", spec)).folder();
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + ": " + e.getMessage());
        }
    }

    static Run run(RunFolder folder) throws IOException {
        try {
            return RunLoader.load(folder);
        } catch (IOException e) {
            throw new UsageException("cannot read run " + folder.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A side of {@code compare}: a complete run with JMH results. A failed, empty or damaged side is a usage error
     * naming the side and what is wrong; a comparison against nothing would print "removed" rows and pass.
     */
    static Run comparable(RunFolder folder, String side) {
        Run run;
        try {
            run = RunLoader.load(folder);
        } catch (IOException e) {
            throw new UsageException(side + ": cannot read run " + folder.path() + ": " + e.getMessage(), e);
        }
        run.metadata().filter(m -> m.status() != RunStatus.COMPLETE).ifPresent(m -> {
            throw new UsageException(side + ": run " + folder.id() + " is " + m.status().wireName()
                    + " (run.json); compare needs complete runs");
        });
        if (run.results().isEmpty()) {
            String why = !Files.isRegularFile(folder.jmhJson()) ? "no " + RunFolder.JMH_JSON
                    : folder.hasJmhResults() ? RunFolder.JMH_JSON + " holds no results" : RunFolder.JMH_JSON + " is empty";
            throw new UsageException(side + ": run " + folder.id() + " has no JMH results (" + why + ")");
        }
        return run;
    }

    /** "5%", "5" or "0.05%"… as a fraction: "5%" → 0.05; a bare number is a percentage too. */
    static double percent(String option, String value) {
        String v = value.trim();
        if (v.endsWith("%")) {
            v = v.substring(0, v.length() - 1).trim();
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0 && d < 1000)) {
                throw new UsageException(option + " must be between 0% and 1000%, was '" + value + "'");
            }
            return d / 100;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a percentage like 5%, was '" + value + "'");
        }
    }

    static double alpha(String value) {
        try {
            double d = Double.parseDouble(value.trim());
            if (!(d > 0 && d < 1)) {
                throw new UsageException("--alpha must be in (0, 1), was '" + value + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--alpha must be a number like 0.01, was '" + value + "'");
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
