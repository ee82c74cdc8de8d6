package dev.oktyv.bench.run;

import dev.oktyv.bench.catalog.BenchmarkInfo;
import java.time.Duration;
import java.util.List;

/** One console line saying what a run will do and roughly how long it takes, before it starts. */
final class RunPlanDescription {

    private RunPlanDescription() {
    }

    static String describe(RunOptions o, List<BenchmarkInfo> selected) {
        int combinations = selected.stream().mapToInt(BenchmarkInfo::paramCombinations).sum();
        String head = selected.size() + " benchmark" + (selected.size() == 1 ? "" : "s") + ", " + combinations
                + " parameter combination" + (combinations == 1 ? "" : "s") + ", preset " + o.preset().cliName();
        return o.effectivePlan()
                .map(p -> head + " (" + p.describe() + "), about " + minutes(p.timePerCombination().multipliedBy(combinations))
                        + " plus JVM start-up, more where benchmarks pin longer settings or use -bm/-p")
                .orElse(head + " (annotations and JMH defaults)");
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : (s + 30) / 60 + " min";
    }
}
