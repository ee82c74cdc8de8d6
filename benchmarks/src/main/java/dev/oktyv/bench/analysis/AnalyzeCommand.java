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
import dev.oktyv.bench.store.StoreOptions;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
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
    @Mixin
    StoreOptions store;
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
        RunFolder folder = Inputs.folder(store.resultsDir(), run, "RUN");
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
        boolean noData = input.run().results().isEmpty() && input.loads().isEmpty() && input.profiles().isEmpty();
        input.run().metadata().filter(m -> m.status() != RunStatus.COMPLETE && !noData).ifPresent(m -> spec.commandLine()
                .getErr().println("warning: run " + folder.id() + " is " + m.status().wireName() + ": what it holds is partial"));
        if (noData) {
            // Every rule said "not applicable" because the run holds nothing: that must not read as a pass (exit 0).
            spec.commandLine().getErr().println("analyze: run " + folder.id() + " has no data: " + noDataReason(input, folder));
            return ExitCodes.CHECK_FAILED;
        }
        if (results.stream().noneMatch(RuleResult::applicable)) {
            // JMH results without the data any rule needs (no -prof gc, profiles or load): said, not failed, because
            // the measurement itself is there and a nightly job on plain benchmarks must not report a finding.
            spec.commandLine().getErr().println("note: no rule applied to run " + folder.id()
                    + ": nothing was checked (see the reasons above)");
        }
        Severity g = gate;
        return g != null && results.stream().anyMatch(r -> r.severity().compareTo(g) >= 0) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    /** Why a run holds nothing to analyse: its status, then what each kind of result file says. */
    static String noDataReason(AnalysisInput input, RunFolder folder) {
        List<String> why = new java.util.ArrayList<>();
        input.run().metadata().filter(m -> m.status() != RunStatus.COMPLETE)
                .ifPresent(m -> why.add("the run " + m.status().wireName()));
        if (!Files.isRegularFile(folder.jmhJson())) {
            why.add("no " + RunFolder.JMH_JSON);
        } else {
            why.add(folder.hasJmhResults() ? RunFolder.JMH_JSON + " holds no results" : RunFolder.JMH_JSON + " is empty");
        }
        why.add("no load results, no profiles");
        return String.join("; ", why);
    }

    /** The outputs of {@code analyze}. */
    enum Format { TEXT, MD, JSON }
}
