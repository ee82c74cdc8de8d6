package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.load.merge.AgentRun;
import dev.oktyv.bench.load.merge.LoadMerger;
import dev.oktyv.bench.load.merge.MergeInputException;
import dev.oktyv.bench.load.merge.MergedRunWriter;
import dev.oktyv.bench.store.RunPublisher;
import dev.oktyv.bench.store.StoreOptions;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunSession;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.load.LoadSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oktyv-bench load merge DIR...}: one run folder from the run folders of N load agents, with the interval
 * histograms added exactly. Every input is read and checked before the new run folder exists.
 */
@Command(name = "merge", description = {"Merge the run folders of N load agents (load --agents N --agent-index i)"
        + " into one new run folder:", "latency histograms are added exactly, so percentiles are those of the whole"
        + " population."})
public final class LoadMergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    VerboseOption verbose;
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "The agents' run folders.")
    List<Path> dirs = new ArrayList<>();
    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        Map<String, List<AgentRun>> agents;
        try {
            agents = readAgents();
            agents.values().forEach(LoadMerger::check);
        } catch (MergeInputException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        try (RunPublisher publisher = store.publisher(); RunSession session = publisher.start(Path.of(""),
                spec.commandLine().getParseResult().originalArgs(), Clock.systemUTC())) {
            PrintStream console = session.console(System.out);
            console.println("run " + session.folder().id() + " -> " + session.folder().path());
            LoadVerdict verdict = new LoadVerdict();
            for (Map.Entry<String, List<AgentRun>> e : agents.entrySet()) {
                // Streamed: each agent's log is read a second time, interval by interval, as the merge goes.
                LoadSummary s = MergedRunWriter.write(e.getValue(), session.folder().load(e.getKey()),
                        "oktyv-bench load merge " + e.getKey() + " of " + e.getValue().size() + " agents").summary();
                console.println("load " + e.getKey() + ": merged " + s.model().description());
                SummaryPrinter.print(console, s);
                for (LoadSummary.Agent a : s.agents()) {
                    console.println(agentLine(a));
                }
                verdict.scenario(e.getKey(), s);
            }
            console.println(verdict.line());
            console.flush();
            session.finish(RunStatus.COMPLETE);
            return verdict.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    /** {@code agent DIR: 1000 ops, 99.9/s achieved of 100.0/s, dropped 3 (fell behind)}. */
    static String agentLine(LoadSummary.Agent a) {
        return String.format(Locale.ROOT, "    agent %s: %d ops, %.1f/s achieved of %s, dropped %d%s", a.run(),
                a.total(), a.achievedPerSecond(), Double.isNaN(a.targetPerSecond()) ? "-"
                        : String.format(Locale.ROOT, "%.1f/s", a.targetPerSecond()), a.dropped(),
                a.dropped() > 0 ? " (fell behind)" : "");
    }

    /** Scenario id to its agent runs, in the order of the DIR arguments. */
    private Map<String, List<AgentRun>> readAgents() throws IOException {
        if (dirs.size() < 2) {
            throw new MergeInputException("load merge needs the run folders of at least 2 agents, got " + dirs);
        }
        Set<Path> seen = new LinkedHashSet<>();
        Map<String, List<AgentRun>> out = new LinkedHashMap<>();
        List<String> firstScenarios = null;
        for (Path dir : dirs) {
            if (!seen.add(dir.toAbsolutePath().normalize())) {
                throw new MergeInputException(dir + ": given twice; its operations would be counted twice");
            }
            List<LoadFolder> loads = RunFolder.open(dir).loads();
            List<String> scenarios = loads.stream().map(LoadFolder::name).toList();
            if (scenarios.isEmpty()) {
                throw new MergeInputException(dir + ": no load scenario in this run folder");
            }
            if (firstScenarios == null) {
                firstScenarios = scenarios;
            } else if (!scenarios.equals(firstScenarios)) {
                throw new MergeInputException(dir + ": scenarios " + scenarios + ", but " + dirs.get(0) + " ran "
                        + firstScenarios);
            }
            for (LoadFolder f : loads) {
                out.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(AgentRun.read(dir.toString(), f));
            }
        }
        return out;
    }
}
