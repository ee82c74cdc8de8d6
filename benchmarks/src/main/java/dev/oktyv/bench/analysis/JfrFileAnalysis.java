package dev.oktyv.bench.analysis;

import dev.oktyv.analysis.rules.AnalysisInput;
import dev.oktyv.analysis.rules.JfrFileInput;
import dev.oktyv.analysis.rules.RuleResult;
import dev.oktyv.analysis.rules.RuleResultJson;
import dev.oktyv.analysis.rules.RuleResultWriter;
import dev.oktyv.analysis.rules.Rules;
import dev.oktyv.analysis.rules.Severity;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code analyze FILE.jfr} and {@code analyze FOLDER} (of .jfr files): the profile-based rules on recordings made
 * anywhere, with the same formats and {@code --fail-on} as for a run folder.
 */
final class JfrFileAnalysis {

    private JfrFileAnalysis() {
    }

    /** A .jfr file, or a folder of them that is not a run folder. */
    static boolean accepts(String arg) {
        try {
            return JfrFileInput.accepts(Path.of(arg));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    static int analyze(Path input, AnalyzeCommand.Format format, Severity failOn, List<String> pairs, PrintWriter out) {
        if (!pairs.isEmpty()) {
            throw new UsageException("--pair compares benchmarks of a run folder; " + input + " is a recording");
        }
        AnalysisInput in;
        try {
            in = JfrFileInput.load(input);
        } catch (IOException e) {
            throw new UsageException("cannot read " + input + ": " + e.getMessage(), e);
        }
        List<RuleResult> results = Rules.evaluate(in, Rules.profileBased());
        if (results.stream().noneMatch(RuleResult::applicable)) {
            // No silent success: a recording without a single event any rule reads found nothing, it did not pass.
            throw new UsageException(input + ": no event that a rule reads (execution or allocation samples, GC, monitor,"
                    + " park, I/O or exception events); record with settings=profile");
        }
        Path dir = in.run().folder().path();
        String text = switch (format) {
            case MD -> RuleResultWriter.markdown(results, dir);
            case JSON -> RuleResultJson.write(input.toString(), results, dir);
            case TEXT -> "analysis of " + input + "\n" + RuleResultWriter.text(results, dir);
        };
        out.print(text);
        out.flush();
        return failOn != null && results.stream().anyMatch(r -> r.severity().compareTo(failOn) >= 0)
                ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }
}
