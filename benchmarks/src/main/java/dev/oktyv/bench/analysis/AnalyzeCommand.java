package dev.oktyv.bench.analysis;

import dev.oktyv.analysis.rules.AnalysisInput;
import dev.oktyv.analysis.rules.AnalysisInputLoader;
import dev.oktyv.analysis.rules.DeclaredPair;
import dev.oktyv.analysis.rules.RuleResult;
import dev.oktyv.analysis.rules.RuleResultJson;
import dev.oktyv.analysis.rules.RuleResultWriter;
import dev.oktyv.analysis.rules.Rules;
import dev.oktyv.analysis.rules.Severity;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.results.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code analyze RUN}: bottleneck rules over the run's JMH metrics, profiles and load results. */
@Command(name = "analyze", description = "Runs the bottleneck rules (CPU, allocation, GC, locks, exceptions, I/O, load,"
        + " paired variants) over a run folder and prints severity, evidence, impact bound and fix.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", defaultValue = "latest", description = "Run id, path, commit, latest or latest~N (default: latest);"
            + " or a .jfr recording, or a folder of them, from anywhere.")
    String run;
    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results", description = "Results root (default: ${DEFAULT-VALUE}).")
    Path resultsDir;
    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;
    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 if any rule reaches this severity: ${COMPLETION-CANDIDATES}.")
    Severity failOn;
    @Option(names = "--pair", paramLabel = "PARAM=OPT:BASE", description = {"Declare a paired variant for the paired-variants"
            + " rule: benchmarks differing only in PARAM, OPT the optimised value, BASE its baseline (e.g. useCache=true:false).",
            "Repeatable. Without it, variant=baseline|..., xxxPooled/xxxPerQuery-style names and true|false, on|off,"
            + " enabled|disabled params are paired."})
    List<String> pairs = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (JfrFileAnalysis.accepts(run)) {
            return JfrFileAnalysis.analyze(Path.of(run), format, failOn, pairs, spec.commandLine().getOut());
        }
        Severity gate = failOn;
        RunFolder folder = Inputs.folder(resultsDir, run, "RUN");
        AnalysisInput input;
        try {
            input = AnalysisInputLoader.load(folder);
        } catch (IOException e) {
            throw new UsageException("cannot read run " + folder.path() + ": " + e.getMessage(), e);
        }
        List<DeclaredPair> declared = new java.util.ArrayList<>();
        for (String p : pairs) {
            try {
                declared.add(DeclaredPair.parse(p));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--pair: " + e.getMessage());
            }
        }
        List<RuleResult> results = Rules.evaluate(input.withDeclaredPairs(declared));
        String text = switch (format) {
            case MD -> RuleResultWriter.markdown(results, folder.path());
            case JSON -> RuleResultJson.write(folder.id().toString(), results, folder.path());
            case TEXT -> "analysis of " + folder.id() + "\n" + RuleResultWriter.text(results, folder.path());
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        Severity g = gate;
        return g != null && results.stream().anyMatch(r -> r.severity().compareTo(g) >= 0) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    /** The outputs of {@code analyze}. */
    enum Format { TEXT, MD, JSON }
}
